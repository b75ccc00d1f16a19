import { queryOptions, useQuery } from "@tanstack/react-query";
import type { components } from "@/api/schema";
import { api, unwrap } from "@/lib/api";
import { statsKeys } from "./keys";

export type Funnel = components["schemas"]["Funnel"];
export type Satisfactions = components["schemas"]["Satisfactions"];
export type SourceFunnel = components["schemas"]["SourceFunnel"];
export type SizeFunnel = components["schemas"]["SizeFunnel"];

export const leadStatsQuery = (month: string) =>
  queryOptions({
    queryKey: statsKeys.leads(month),
    queryFn: ({ signal }) => unwrap(api.GET("/api/v1/stats/leads", { params: { query: { month } }, signal })),
  });

export const worksStatsQuery = (month: string) =>
  queryOptions({
    queryKey: statsKeys.works(month),
    queryFn: ({ signal }) => unwrap(api.GET("/api/v1/stats/works", { params: { query: { month } }, signal })),
  });

export const useLeadStats = (month: string, enabled: boolean) =>
  useQuery({ ...leadStatsQuery(month), enabled });
export const useWorksStats = (month: string, enabled: boolean) =>
  useQuery({ ...worksStatsQuery(month), enabled });
