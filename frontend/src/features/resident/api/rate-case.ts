import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { components } from "@/api/schema";
import { unwrap } from "@/lib/api";
import { residentApi } from "./client";
import { residentKeys } from "./keys";

export type Satisfaction = components["schemas"]["Satisfaction"];

export function useRateCase(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { satisfaction: Satisfaction; comment: string | null }) =>
      unwrap(
        residentApi.POST("/api/v1/resident/cases/{id}/rating", {
          params: { path: { id }, header: { "Idempotency-Key": crypto.randomUUID() } },
          body,
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: residentKeys.all }),
  });
}
