import { queryOptions, useQuery } from "@tanstack/react-query";
import type { paths } from "@/api/schema";
import { api, unwrap } from "@/lib/api";
import { intakeKeys } from "./keys";

export type RoutingMatchQuery = paths["/api/v1/routing-rules/match"]["get"]["parameters"]["query"];

/** The department the routing rules propose for a case (and whether registering dispatches it). */
export const routingProposalQuery = (query: Partial<RoutingMatchQuery>) =>
  queryOptions({
    queryKey: intakeKeys.routingMatch(query),
    queryFn: ({ signal }) =>
      unwrap(
        api.GET("/api/v1/routing-rules/match", {
          params: { query: query as RoutingMatchQuery },
          signal,
        }),
      ),
    enabled: Boolean(query.project_id && query.category_id),
    staleTime: 60_000,
  });

export const useRoutingProposal = (query: Partial<RoutingMatchQuery>) =>
  useQuery(routingProposalQuery(query));
