import { queryOptions, useQuery } from "@tanstack/react-query";
import { api, unwrap } from "@/lib/api";
import { stewardKeys } from "./keys";

export const visitPhotosQuery = (visitId: string) =>
  queryOptions({
    queryKey: stewardKeys.visitPhotos(visitId),
    queryFn: ({ signal }) =>
      unwrap(api.GET("/api/v1/steward-visits/{id}/photos", { params: { path: { id: visitId } }, signal })),
  });

export const useVisitPhotos = (visitId: string) => useQuery(visitPhotosQuery(visitId));
