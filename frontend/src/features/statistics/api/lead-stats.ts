import { queryOptions, useQuery } from "@tanstack/react-query";
import { api, unwrap } from "@/lib/api";
import { statsKeys } from "./keys";

export const leadStatsQuery = (month: string) =>
  queryOptions({
    queryKey: statsKeys.leads(month),
    queryFn: ({ signal }) => unwrap(api.GET("/api/v1/stats/leads", { params: { query: { month } }, signal })),
  });

export const useLeadStats = (month: string, enabled: boolean) =>
  useQuery({ ...leadStatsQuery(month), enabled });
