import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { paths } from "@/api/schema";
import { api, unwrap } from "@/lib/api";
import type { ScheduledVisit } from "@/lib/types";
import { caseKeys, visitKeys } from "@/lib/query-keys";

export type RecordVisitBody =
  paths["/api/v1/visits/{id}/record"]["post"]["requestBody"]["content"]["application/json"];

/** Records a contact or outcome check call. */
export function useRecordVisitCheck() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: RecordVisitBody }) =>
      unwrap<ScheduledVisit>(api.POST("/api/v1/visits/{id}/record", { params: { path: { id } }, body })),
    onSuccess: (visit) => {
      void queryClient.invalidateQueries({ queryKey: visitKeys.all });
      void queryClient.invalidateQueries({ queryKey: caseKeys.events(visit.case_id) });
    },
  });
}
