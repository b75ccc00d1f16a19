import { keepPreviousData, queryOptions, useMutation, useQuery } from "@tanstack/react-query";
import { api, unwrap } from "@/lib/api";
import { type Json, type Patch, ifMatch, useInvalidate } from "./shared";
import { adminKeys } from "./keys";

export type CreatePropertyBody = Json<"/api/v1/properties", "post">;

export type UpdatePropertyBody = Json<"/api/v1/properties/{id}", "patch">;

export const propertyListQuery = (projectId: string | undefined, q = "") =>
  queryOptions({
    queryKey: adminKeys.propertyList(projectId ?? null, q),
    queryFn: ({ signal }) =>
      unwrap(
        api.GET("/api/v1/properties", {
          params: { query: { project_id: projectId, q: q || undefined, limit: 200 } },
          signal,
        }),
      ),
    enabled: Boolean(projectId),
    // Keep the rows while a search runs; with no project chosen there are none.
    placeholderData: projectId ? keepPreviousData : undefined,
  });

export const usePropertyList = (projectId: string | undefined, q = "") =>
  useQuery(propertyListQuery(projectId, q));

export function useCreateProperty() {
  const onSuccess = useInvalidate(adminKeys.properties);
  return useMutation({
    mutationFn: (body: CreatePropertyBody) => unwrap(api.POST("/api/v1/properties", { body })),
    onSuccess,
  });
}

export function useUpdateProperty() {
  const onSuccess = useInvalidate(adminKeys.properties);
  return useMutation({
    mutationFn: ({ id, version, body }: Patch<UpdatePropertyBody>) =>
      unwrap(
        api.PATCH("/api/v1/properties/{id}", { params: { path: { id }, header: ifMatch(version) }, body }),
      ),
    onSuccess,
  });
}

/** Imports properties from CSV text; a 422 problem names the bad lines in `errors`. */
export function useImportProperties() {
  const onSuccess = useInvalidate(adminKeys.properties);
  return useMutation({
    mutationFn: ({ projectId, csv }: { projectId: string; csv: string }) =>
      unwrap(
        api.POST("/api/v1/properties/import", {
          params: { query: { project_id: projectId } },
          body: csv,
          bodySerializer: (body) => body,
          headers: { "Content-Type": "text/csv" },
        }),
      ),
    onSuccess,
  });
}
