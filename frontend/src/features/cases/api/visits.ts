import { infiniteQueryOptions, useInfiniteQuery } from "@tanstack/react-query";
import type { paths } from "@/api/schema";
import { api, unwrap } from "@/lib/api";
import { visitKeys } from "@/lib/query-keys";

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
