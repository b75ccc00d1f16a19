import { queryOptions, useQuery } from "@tanstack/react-query";
import { api, unwrap } from "@/lib/api";
import { stewardKeys } from "./keys";

export const coverageQuery = (areaId: string) =>
  queryOptions({
    queryKey: stewardKeys.coverage(areaId),
    queryFn: ({ signal }) =>
      unwrap(api.GET("/api/v1/areas/{id}/coverage", { params: { path: { id: areaId } }, signal })),
  });

export const useCoverage = (areaId: string) => useQuery(coverageQuery(areaId));
