import { queryOptions, useQuery } from "@tanstack/react-query";
import dayjs from "dayjs";
import { api, unwrap } from "@/lib/api";
import { dashboardKeys } from "./keys";

/** Cases created and closed per day over the last 30 days. */
export const trendQuery = () =>
  queryOptions({
    queryKey: dashboardKeys.trend,
    queryFn: ({ signal }) => {
      const from = dayjs().subtract(29, "day").format("YYYY-MM-DD");
      const to = dayjs().format("YYYY-MM-DD");
      return unwrap(
        api.GET("/api/v1/stats/trend", { params: { query: { from, to, interval: "day" } }, signal }),
      );
    },
    staleTime: 5 * 60_000,
  });

export const useTrend = () => useQuery(trendQuery());
