import { queryOptions, useQuery } from "@tanstack/react-query";
import { api, unwrap } from "@/lib/api";
import { caseKeys } from "@/lib/query-keys";

export const caseEventsQuery = (id: string) =>
  queryOptions({
    queryKey: caseKeys.events(id),
    queryFn: ({ signal }) =>
      unwrap(api.GET("/api/v1/cases/{id}/events", { params: { path: { id } }, signal })),
  });

export const useCaseEvents = (id: string) => useQuery(caseEventsQuery(id));
