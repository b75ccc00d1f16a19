import { queryOptions, useMutation, useQuery } from "@tanstack/react-query";
import { api, unwrap } from "@/lib/api";
import { type Json, type Patch, ifMatch, useInvalidate } from "./shared";
import { adminKeys } from "./keys";

export type CreateAreaBody = Json<"/api/v1/areas", "post">;

export type UpdateAreaBody = Json<"/api/v1/areas/{id}", "patch">;

export const areaListQuery = (projectId: string | undefined) =>
  queryOptions({
    queryKey: adminKeys.areaList(projectId ?? null),
    queryFn: ({ signal }) =>
      unwrap(api.GET("/api/v1/areas", { params: { query: { project_id: projectId, limit: 200 } }, signal })),
  });

/** Areas of a project, or of all projects; `enabled: false` until they are needed. */
export const useAreaList = (projectId: string | undefined, enabled = true) =>
  useQuery({ ...areaListQuery(projectId), enabled });

export function useCreateArea() {
  const onSuccess = useInvalidate(adminKeys.areas);
  return useMutation({
    mutationFn: (body: CreateAreaBody) => unwrap(api.POST("/api/v1/areas", { body })),
    onSuccess,
  });
}

export function useUpdateArea() {
  const onSuccess = useInvalidate(adminKeys.areas);
  return useMutation({
    mutationFn: ({ id, version, body }: Patch<UpdateAreaBody>) =>
      unwrap(api.PATCH("/api/v1/areas/{id}", { params: { path: { id }, header: ifMatch(version) }, body })),
    onSuccess,
  });
}
