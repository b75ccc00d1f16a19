import { queryOptions, useQuery } from "@tanstack/react-query";
import { api, unwrap } from "@/lib/api";
import { stewardKeys } from "./keys";

/** The photos taken at one checkpoint of a patrol. */
export const resultPhotosQuery = (patrolId: string, resultId: string) =>
  queryOptions({
    queryKey: stewardKeys.patrolPhotos(patrolId, resultId),
    queryFn: ({ signal }) =>
      unwrap(
        api.GET("/api/v1/patrols/{id}/results/{result_id}/photos", {
          params: { path: { id: patrolId, result_id: resultId } },
          signal,
        }),
      ),
  });

export const useResultPhotos = (patrolId: string, resultId: string) =>
  useQuery(resultPhotosQuery(patrolId, resultId));
