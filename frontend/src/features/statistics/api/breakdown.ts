import { queryOptions, useQuery } from "@tanstack/react-query";
import { api, unwrap } from "@/lib/api";
import type { Dimension } from "@/lib/types";
import type { Period } from "../utils/period";
import { statsKeys } from "./keys";

export const breakdownQuery = ({ from, to }: Period, by: Dimension) =>
  queryOptions({
    queryKey: statsKeys.breakdown(from, to, by),
    queryFn: ({ signal }) =>
      unwrap(api.GET("/api/v1/stats/breakdown", { params: { query: { from, to, by } }, signal })),
  });

export const useBreakdown = (period: Period, by: Dimension) => useQuery(breakdownQuery(period, by));
