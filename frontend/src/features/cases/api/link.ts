import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, unwrap } from "@/lib/api";
import type { CaseDetail } from "@/lib/types";
import { caseQuery } from "./get-case";
import { caseKeys } from "@/lib/query-keys";

/** Unresolved incidents whose number (or title) matches `q`: the parents a case may be linked to. */
export const incidentPickerQuery = (q: string) =>
  queryOptions({
    queryKey: caseKeys.incidentPicker(q),
    queryFn: ({ signal }) =>
      unwrap(
        api.GET("/api/v1/cases", {
          params: {
            query: { q, kind: "incident", status: "registered,dispatched,in_progress", limit: 10 },
          },
          signal,
        }),
      ),
    enabled: q.trim().length >= 2,
    staleTime: 10_000,
  });

export const useIncidentPicker = (q: string) => useQuery(incidentPickerQuery(q));

function useAfterLink() {
  const queryClient = useQueryClient();
  return {
    onSuccess: (updated: CaseDetail, { parentId }: { parentId?: string }) => {
      queryClient.setQueryData(caseQuery(updated.id).queryKey, updated);
      void queryClient.invalidateQueries({ queryKey: caseKeys.events(updated.id) });
      void queryClient.invalidateQueries({ queryKey: caseKeys.lists });
      if (parentId) void queryClient.invalidateQueries({ queryKey: caseKeys.detail(parentId) });
    },
  };
}

/** `POST /cases/{id}/link` with the case's version as If-Match. */
export function useLinkCase() {
  const after = useAfterLink();
  return useMutation({
    mutationFn: ({ id, version, parentId }: { id: string; version: number; parentId: string }) =>
      unwrap<CaseDetail>(
        api.POST("/api/v1/cases/{id}/link", {
          params: { path: { id }, header: { "If-Match": `"${version}"` } },
          body: { parent_id: parentId },
        }),
      ),
    onSuccess: (updated, vars) => {
      after.onSuccess(updated, vars);
    },
  });
}

/** `POST /cases/{id}/unlink`. */
export function useUnlinkCase() {
  const after = useAfterLink();
  return useMutation({
    mutationFn: ({ id, version }: { id: string; version: number; parentId: string }) =>
      unwrap<CaseDetail>(
        api.POST("/api/v1/cases/{id}/unlink", {
          params: { path: { id }, header: { "If-Match": `"${version}"` } },
        }),
      ),
    onSuccess: (updated, vars) => {
      after.onSuccess(updated, vars);
    },
  });
}
