import { queryOptions, useQuery } from "@tanstack/react-query";
import type { components } from "@/api/schema";
import { api, unwrap } from "@/lib/api";
import { stewardKeys } from "./keys";

export type Patrol = components["schemas"]["PatrolResponse"];
export type PatrolResult = components["schemas"]["PatrolResultResponse"];

/** The area's latest patrols, newest first. */
export const areaPatrolsQuery = (areaId: string) =>
  queryOptions({
    queryKey: stewardKeys.patrols(areaId),
    queryFn: ({ signal }) =>
      unwrap(api.GET("/api/v1/patrols", { params: { query: { area_id: areaId, limit: 10 } }, signal })),
  });

export const useAreaPatrols = (areaId: string) => useQuery(areaPatrolsQuery(areaId));

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
