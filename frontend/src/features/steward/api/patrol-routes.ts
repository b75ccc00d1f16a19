import { queryOptions, useQuery } from "@tanstack/react-query";
import { api, unwrap } from "@/lib/api";
import { stewardKeys } from "./keys";

export const routesQuery = (areaId: string) =>
  queryOptions({
    queryKey: stewardKeys.routes(areaId),
    queryFn: ({ signal }) =>
      unwrap(api.GET("/api/v1/patrol-routes", { params: { query: { area_id: areaId } }, signal })),
  });

export const useRoutes = (areaId: string) => useQuery(routesQuery(areaId));
