import { queryOptions, useQuery } from "@tanstack/react-query";
import { api, unwrap } from "@/lib/api";
import { statsKeys } from "./keys";

/** The case load right now (open, registered today, overdue, awaiting a visit), refreshed every minute. */
export const currentQuery = () =>
  queryOptions({
    queryKey: statsKeys.current,
    queryFn: ({ signal }) => unwrap(api.GET("/api/v1/stats/current", { signal })),
    refetchInterval: 60_000,
  });

export const useCurrent = () => useQuery(currentQuery());
