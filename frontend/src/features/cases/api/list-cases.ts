import { infiniteQueryOptions, useInfiniteQuery } from "@tanstack/react-query";
import type { paths } from "@/api/schema";
import { api, unwrap } from "@/lib/api";
import { caseKeys } from "@/lib/query-keys";

export type CaseListQuery = NonNullable<paths["/api/v1/cases"]["get"]["parameters"]["query"]>;

export const casesQuery = (query: Omit<CaseListQuery, "cursor">) =>
  infiniteQueryOptions({
    queryKey: caseKeys.list(query),
    queryFn: ({ signal, pageParam }) =>
      unwrap(api.GET("/api/v1/cases", { params: { query: { ...query, cursor: pageParam } }, signal })),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next_cursor ?? undefined,
  });

/** A queue or a filtered list of cases, page by page ("load more"). */
export const useCases = (query: Omit<CaseListQuery, "cursor">) => useInfiniteQuery(casesQuery(query));
