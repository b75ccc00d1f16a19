import { queryOptions, useQuery } from "@tanstack/react-query";
import type { paths } from "@/api/schema";
import { api, unwrap } from "@/lib/api";
import { caseKeys } from "@/lib/query-keys";

export type CaseListFilter = NonNullable<paths["/api/v1/cases"]["get"]["parameters"]["query"]>;

/** How many cases a dashboard list shows (more are behind its link). */
export const CARD_ROWS = 5;

/** The first few cases of a queue or filter, for a dashboard card. */
export const caseListQuery = (filter: Omit<CaseListFilter, "limit" | "cursor">) =>
  queryOptions({
    queryKey: caseKeys.dashboard(filter),
    queryFn: ({ signal }) =>
      unwrap(api.GET("/api/v1/cases", { params: { query: { ...filter, limit: CARD_ROWS } }, signal })),
    staleTime: 60_000,
  });

export const useCaseList = (filter: Omit<CaseListFilter, "limit" | "cursor">) =>
  useQuery(caseListQuery(filter));
