import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { components } from "@/api/schema";
import { api, unwrap } from "@/lib/api";
import { deadlineKeys } from "./keys";

export type SlaPolicyInput = components["schemas"]["SlaPolicyInput"];

export function useCreateSlaPolicy() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SlaPolicyInput) => unwrap(api.POST("/api/v1/sla-policies", { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: deadlineKeys.slaPolicies }),
  });
}
