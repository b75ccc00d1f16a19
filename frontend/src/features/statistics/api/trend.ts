import { queryOptions, useQuery } from "@tanstack/react-query";
import { api, unwrap } from "@/lib/api";
import type { Period } from "../utils/period";
import { statsKeys } from "./keys";

export const trendQuery = ({ from, to }: Period) =>
  queryOptions({
    queryKey: statsKeys.trend(from, to),
    queryFn: ({ signal }) =>
      unwrap(api.GET("/api/v1/stats/trend", { params: { query: { from, to, interval: "day" } }, signal })),
  });

export const useTrend = (period: Period) => useQuery(trendQuery(period));
