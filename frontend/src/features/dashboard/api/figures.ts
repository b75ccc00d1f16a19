import { queryOptions, useQuery } from "@tanstack/react-query";
import dayjs from "dayjs";
import { api, unwrap } from "@/lib/api";
import { dashboardKeys } from "./keys";

/** The case load now and this month's rates, over the caller's projects. */
export const figuresQuery = () =>
  queryOptions({
    queryKey: dashboardKeys.figures,
    queryFn: async ({ signal }) => {
      const from = dayjs().startOf("month").format("YYYY-MM-DD");
      const to = dayjs().format("YYYY-MM-DD");
      const [current, month] = await Promise.all([
        unwrap(api.GET("/api/v1/stats/current", { signal })),
        unwrap(api.GET("/api/v1/stats/summary", { params: { query: { from, to } }, signal })),
      ]);
      return { current, month };
    },
    refetchInterval: 60_000,
  });

export const useFigures = () => useQuery(figuresQuery());
