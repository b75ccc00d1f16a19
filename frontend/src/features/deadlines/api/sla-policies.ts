import { queryOptions, useQuery } from "@tanstack/react-query";
import { api, unwrap } from "@/lib/api";
import { deadlineKeys } from "./keys";

export const slaPoliciesQuery = () =>
  queryOptions({
    queryKey: deadlineKeys.slaPolicies,
    queryFn: ({ signal }) => unwrap(api.GET("/api/v1/sla-policies", { signal })),
  });

export const useSlaPolicies = () => useQuery(slaPoliciesQuery());
