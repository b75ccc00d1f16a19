import { queryOptions, useQuery } from "@tanstack/react-query";
import { api, unwrap } from "@/lib/api";

/** The area's visits, newest first, for the "recent visits" list. */
export const areaVisitsQuery = (areaId: string) =>
  queryOptions({
    queryKey: ["steward", "visits", areaId],
    queryFn: ({ signal }) =>
      unwrap(
        api.GET("/api/v1/steward-visits", { params: { query: { area_id: areaId, limit: 20 } }, signal }),
      ),
  });

export const useAreaVisits = (areaId: string) => useQuery(areaVisitsQuery(areaId));

export const visitPhotosQuery = (visitId: string) =>
  queryOptions({
    queryKey: ["steward", "visit-photos", visitId],
    queryFn: ({ signal }) =>
      unwrap(api.GET("/api/v1/steward-visits/{id}/photos", { params: { path: { id: visitId } }, signal })),
  });

export const useVisitPhotos = (visitId: string) => useQuery(visitPhotosQuery(visitId));

/**
 * One photo's bytes as an object URL: the download needs the bearer token, which an `<img src>`
 * cannot send. The URL is revoked when the query is dropped from the cache.
 */
export const photoUrlQuery = (visitId: string, photoId: string) =>
  queryOptions({
    queryKey: ["steward", "visit-photo", visitId, photoId],
    queryFn: async ({ signal }) => {
      const blob = await unwrap(
        api.GET("/api/v1/steward-visits/{id}/photos/{photo_id}", {
          params: { path: { id: visitId, photo_id: photoId } },
          parseAs: "blob",
          signal,
        }),
      );
      return URL.createObjectURL(blob);
    },
    staleTime: Infinity,
  });

export const usePhotoUrl = (visitId: string, photoId: string) => useQuery(photoUrlQuery(visitId, photoId));
