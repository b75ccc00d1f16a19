import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { components } from "@/api/schema";
import { api, unwrap } from "@/lib/api";
import { arrearsKeys } from "./keys";

export type LegalDecisionBody = components["schemas"]["LegalDecisionBody"];

export function useLegalDecision() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version, body }: { id: string; version: number; body: LegalDecisionBody }) =>
      unwrap(
        api.POST("/api/v1/arrears/{id}/legal-decision", {
          params: { path: { id }, header: { "If-Match": `"${version}"` } },
          body,
        }),
      ),
    onSettled: () => queryClient.invalidateQueries({ queryKey: arrearsKeys.all }),
  });
}
