import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api, unwrap } from "@/lib/api";
import type { CaseDetail, Satisfaction } from "@/lib/types";
import { caseQuery } from "./get-case";
import { caseKeys, visitKeys } from "@/lib/query-keys";

/**
 * Records a satisfaction visit through the case's `visit` action: a scheduled visit does not
 * carry the case's version, so the case is read first for its `If-Match`.
 */
export function useRecordSatisfaction() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ caseId, satisfaction }: { caseId: string; satisfaction: Satisfaction }) => {
      const current = await queryClient.query({ ...caseQuery(caseId), staleTime: 0 });
      return unwrap<CaseDetail>(
        api.POST("/api/v1/cases/{id}/visit", {
          params: { path: { id: caseId }, header: { "If-Match": `"${current.version}"` } },
          body: { reached: true, satisfaction, comment: null },
        }),
      );
    },
    onSuccess: (updated) => {
      queryClient.setQueryData(caseQuery(updated.id).queryKey, updated);
      void queryClient.invalidateQueries({ queryKey: visitKeys.all });
      void queryClient.invalidateQueries({ queryKey: caseKeys.lists });
      void queryClient.invalidateQueries({ queryKey: caseKeys.events(updated.id) });
    },
  });
}
