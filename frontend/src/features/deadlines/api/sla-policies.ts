import { queryOptions, useQuery } from "@tanstack/react-query";
import { api, unwrap } from "@/lib/api";

export const slaPoliciesQuery = () =>
  queryOptions({
    queryKey: ["sla-policies"],
    queryFn: ({ signal }) => unwrap(api.GET("/api/v1/sla-policies", { signal })),
  });

export const useSlaPolicies = () => useQuery(slaPoliciesQuery());
