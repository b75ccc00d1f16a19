import { infiniteQueryOptions, useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";
import type { paths } from "@/api/schema";
import { api, unwrap } from "@/lib/api";
import type { CaseDetail, Satisfaction, ScheduledVisit } from "@/lib/types";
import { caseQuery } from "./get-case";
import { caseKeys, visitKeys } from "@/lib/query-keys";

export type VisitListQuery = NonNullable<paths["/api/v1/visits"]["get"]["parameters"]["query"]>;

/** Scheduled return visits (contact check, outcome check, satisfaction), page by page. */
export const visitsQuery = (query: Omit<VisitListQuery, "cursor">) =>
  infiniteQueryOptions({
    queryKey: visitKeys.list(query),
    queryFn: ({ signal, pageParam }) =>
      unwrap(api.GET("/api/v1/visits", { params: { query: { ...query, cursor: pageParam } }, signal })),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next_cursor ?? undefined,
  });

export const useVisits = (query: Omit<VisitListQuery, "cursor">) => useInfiniteQuery(visitsQuery(query));

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
