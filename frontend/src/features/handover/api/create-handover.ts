import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { components } from "@/api/schema";
import { api, unwrap } from "@/lib/api";
import { handoverKeys } from "./keys";

export type CreateHandover = components["schemas"]["CreateHandover"];

export function useCreateHandover() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateHandover) => unwrap(api.POST("/api/v1/handovers", { body })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: handoverKeys.all }),
  });
}
