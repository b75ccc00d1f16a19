import { queryOptions, useQuery } from "@tanstack/react-query";
import { api, unwrap } from "@/lib/api";
import { statsKeys } from "./keys";

export const worksStatsQuery = (month: string) =>
  queryOptions({
    queryKey: statsKeys.works(month),
    queryFn: ({ signal }) => unwrap(api.GET("/api/v1/stats/works", { params: { query: { month } }, signal })),
  });

export const useWorksStats = (month: string, enabled: boolean) =>
  useQuery({ ...worksStatsQuery(month), enabled });
