import { queryOptions, useQuery } from "@tanstack/react-query";
import { api, unwrap } from "@/lib/api";
import { arrearsKeys } from "./keys";

/** The areas of a project, for the arrears filter. */
export const areasQuery = (projectId?: string) =>
  queryOptions({
    queryKey: arrearsKeys.areas(projectId ?? null),
    queryFn: ({ signal }) =>
      unwrap(api.GET("/api/v1/areas", { params: { query: { project_id: projectId, limit: 200 } }, signal })),
    staleTime: 5 * 60 * 1000,
  });

export const useAreas = (projectId?: string) => useQuery(areasQuery(projectId));
