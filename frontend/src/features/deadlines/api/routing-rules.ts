import { queryOptions, useQuery } from "@tanstack/react-query";
import { api, unwrap } from "@/lib/api";
import { deadlineKeys } from "./keys";

export const routingRulesQuery = () =>
  queryOptions({
    queryKey: deadlineKeys.routingRules,
    queryFn: ({ signal }) => unwrap(api.GET("/api/v1/routing-rules", { signal })),
  });

export const useRoutingRules = () => useQuery(routingRulesQuery());
