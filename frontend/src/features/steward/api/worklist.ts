import { queryOptions, useQuery } from "@tanstack/react-query";
import { api, unwrap } from "@/lib/api";
import { stewardKeys } from "./keys";

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
