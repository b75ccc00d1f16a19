import { queryOptions, useQuery } from "@tanstack/react-query";
import { api, unwrap } from "@/lib/api";
import { stewardKeys } from "./keys";

/** The area's latest patrols, newest first. */
export const areaPatrolsQuery = (areaId: string) =>
  queryOptions({
    queryKey: stewardKeys.patrols(areaId),
    queryFn: ({ signal }) =>
      unwrap(api.GET("/api/v1/patrols", { params: { query: { area_id: areaId, limit: 10 } }, signal })),
  });

export const useAreaPatrols = (areaId: string) => useQuery(areaPatrolsQuery(areaId));
