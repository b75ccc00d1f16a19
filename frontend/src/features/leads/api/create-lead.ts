import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { components } from "@/api/schema";
import { api, unwrap } from "@/lib/api";
import { leadKeys } from "./keys";

export type CreateLead = components["schemas"]["CreateLead"];

export function useCreateLead() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateLead) => unwrap(api.POST("/api/v1/leads", { body })),
    onSuccess: () => client.invalidateQueries({ queryKey: leadKeys.all }),
  });
}
