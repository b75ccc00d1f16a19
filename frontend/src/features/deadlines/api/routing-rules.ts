import { queryOptions, useQuery } from "@tanstack/react-query";
import { api, unwrap } from "@/lib/api";

export const routingRulesQuery = () =>
  queryOptions({
    queryKey: ["routing-rules"],
    queryFn: ({ signal }) => unwrap(api.GET("/api/v1/routing-rules", { signal })),
  });

export const useRoutingRules = () => useQuery(routingRulesQuery());
