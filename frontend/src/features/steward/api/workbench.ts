import { queryOptions, useQuery } from "@tanstack/react-query";
import type { components } from "@/api/schema";
import { api, unwrap } from "@/lib/api";
import { stewardKeys } from "./keys";

export type Area = components["schemas"]["AreaResponse"];
export type Coverage = components["schemas"]["CoverageResponse"];
export type WorkItem = components["schemas"]["WorkItemResponse"];
export type PatrolRoute = components["schemas"]["RouteResponse"];

/** The areas the user works in: a steward's own, everyone else's projects' areas. */
export const areasQuery = () =>
  queryOptions({
    queryKey: stewardKeys.areas,
    queryFn: ({ signal }) => unwrap(api.GET("/api/v1/areas", { params: { query: { limit: 200 } }, signal })),
  });

export function useWorkAreas(userId: string, stewardOnly: boolean) {
  return useQuery({
    ...areasQuery(),
    select: (page) => page.items.filter((a) => !stewardOnly || a.steward_id === userId),
  });
}

export const coverageQuery = (areaId: string) =>
  queryOptions({
    queryKey: stewardKeys.coverage(areaId),
    queryFn: ({ signal }) =>
      unwrap(api.GET("/api/v1/areas/{id}/coverage", { params: { path: { id: areaId } }, signal })),
  });

export const useCoverage = (areaId: string) => useQuery(coverageQuery(areaId));

export const worklistQuery = (areaId: string) =>
  queryOptions({
    queryKey: stewardKeys.worklist(areaId),
    queryFn: ({ signal }) =>
      unwrap(
        api.GET("/api/v1/areas/{id}/worklist", {
          params: { path: { id: areaId }, query: { limit: 50 } },
          signal,
        }),
      ),
  });

export const useWorklist = (areaId: string) => useQuery(worklistQuery(areaId));

export const routesQuery = (areaId: string) =>
  queryOptions({
    queryKey: stewardKeys.routes(areaId),
    queryFn: ({ signal }) =>
      unwrap(api.GET("/api/v1/patrol-routes", { params: { query: { area_id: areaId } }, signal })),
  });

export const useRoutes = (areaId: string) => useQuery(routesQuery(areaId));

/** The area's cases still open (registered, dispatched, in progress). */
export const areaCasesQuery = (areaId: string) =>
  queryOptions({
    queryKey: stewardKeys.cases(areaId),
    queryFn: ({ signal }) =>
      unwrap(
        api.GET("/api/v1/cases", {
          params: { query: { area_id: areaId, status: "registered,dispatched,in_progress", limit: 20 } },
          signal,
        }),
      ),
  });

export const useAreaCases = (areaId: string) => useQuery(areaCasesQuery(areaId));
