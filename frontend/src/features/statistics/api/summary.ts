import { queryOptions, useQuery } from "@tanstack/react-query";
import { api, unwrap } from "@/lib/api";
import type { Period } from "../utils/period";
import { statsKeys } from "./keys";

export const summaryQuery = ({ from, to }: Period) =>
  queryOptions({
    queryKey: statsKeys.summary(from, to),
    queryFn: ({ signal }) =>
      unwrap(api.GET("/api/v1/stats/summary", { params: { query: { from, to } }, signal })),
  });

export const useSummary = (period: Period) => useQuery(summaryQuery(period));
