import { queryOptions, useQuery } from "@tanstack/react-query";
import { api, unwrap } from "@/lib/api";
import { stewardKeys } from "./keys";

/**
 * One photo's bytes: the download needs the bearer token, which an `<img src>` cannot send. The
 * cache keeps the blob; the component showing it makes (and revokes) the object URL.
 */
export const visitPhotoQuery = (visitId: string, photoId: string) =>
  queryOptions({
    queryKey: stewardKeys.visitPhoto(visitId, photoId),
    queryFn: ({ signal }) =>
      unwrap(
        api.GET("/api/v1/steward-visits/{id}/photos/{photo_id}", {
          params: { path: { id: visitId, photo_id: photoId } },
          parseAs: "blob",
          signal,
        }),
      ),
    staleTime: Infinity,
  });

export const useVisitPhoto = (visitId: string, photoId: string) =>
  useQuery(visitPhotoQuery(visitId, photoId));
