import { queryOptions, useQuery } from "@tanstack/react-query";
import { api, unwrap } from "@/lib/api";
import { stewardKeys } from "./keys";

/**
 * One photo's bytes: the download needs the bearer token, which an `<img src>` cannot send (as
 * the visit photos do). The component showing it makes (and revokes) the object URL.
 */
export const resultPhotoQuery = (patrolId: string, resultId: string, photoId: string) =>
  queryOptions({
    queryKey: stewardKeys.patrolPhoto(patrolId, resultId, photoId),
    queryFn: ({ signal }) =>
      unwrap(
        api.GET("/api/v1/patrols/{id}/results/{result_id}/photos/{photo_id}", {
          params: { path: { id: patrolId, result_id: resultId, photo_id: photoId } },
          parseAs: "blob",
          signal,
        }),
      ),
    staleTime: Infinity,
  });

export const useResultPhoto = (patrolId: string, resultId: string, photoId: string) =>
  useQuery(resultPhotoQuery(patrolId, resultId, photoId));
