import { queryOptions, useQuery } from "@tanstack/react-query";
import { api, unwrap } from "@/lib/api";
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
