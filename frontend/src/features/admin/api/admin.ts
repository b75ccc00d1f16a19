import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { paths } from "@/api/schema";
import { api, unwrap } from "@/lib/api";

type Json<P extends keyof paths, M extends "post" | "patch"> = paths[P][M] extends {
  requestBody?: { content: { "application/json": infer B } };
}
  ? B
  : never;

export type CreateUserBody = Json<"/api/v1/users", "post">;
export type CreateDepartmentBody = Json<"/api/v1/departments", "post">;
export type CreateCategoryBody = Json<"/api/v1/categories", "post">;
export type CreateApiKeyBody = Json<"/api/v1/api-keys", "post">;
export type CreateProjectBody = Json<"/api/v1/projects", "post">;
export type CreateAreaBody = Json<"/api/v1/areas", "post">;
export type CreatePropertyBody = Json<"/api/v1/properties", "post">;
export type UpdateUserBody = Json<"/api/v1/users/{id}", "patch">;
export type UpdateDepartmentBody = Json<"/api/v1/departments/{id}", "patch">;
export type UpdateCategoryBody = Json<"/api/v1/categories/{id}", "patch">;
export type UpdatePropertyBody = Json<"/api/v1/properties/{id}", "patch">;
export type UpdateProjectBody = Json<"/api/v1/projects/{id}", "patch">;
export type UpdateAreaBody = Json<"/api/v1/areas/{id}", "patch">;

/** What every edit sends: the record, the version it was read at (for If-Match) and the changes. */
export interface Patch<B> {
  id: string;
  version: number;
  body: B;
}

const ifMatch = (version: number) => ({ "If-Match": `"${version}"` });

export const adminUsersQuery = (q = "") =>
  queryOptions({
    queryKey: ["users", "admin", q],
    queryFn: ({ signal }) =>
      unwrap(api.GET("/api/v1/users", { params: { query: { limit: 200, q: q || undefined } }, signal })),
    placeholderData: keepPreviousData,
  });
export const useAdminUsers = (q = "") => useQuery(adminUsersQuery(q));

export const areaListQuery = (projectId: string | undefined) =>
  queryOptions({
    queryKey: ["areas", projectId ?? null],
    queryFn: ({ signal }) =>
      unwrap(api.GET("/api/v1/areas", { params: { query: { project_id: projectId, limit: 200 } }, signal })),
  });
/** Areas of a project, or of all projects; `enabled: false` until they are needed. */
export const useAreaList = (projectId: string | undefined, enabled = true) =>
  useQuery({ ...areaListQuery(projectId), enabled });

export const apiKeysQuery = () =>
  queryOptions({
    queryKey: ["api-keys"],
    queryFn: ({ signal }) => unwrap(api.GET("/api/v1/api-keys", { signal })),
  });
export const useApiKeys = () => useQuery(apiKeysQuery());

export const propertyListQuery = (projectId: string | undefined, q = "") =>
  queryOptions({
    queryKey: ["properties", "admin", projectId ?? null, q],
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

function useInvalidate(...keys: string[][]) {
  const queryClient = useQueryClient();
  return () => Promise.all(keys.map((queryKey) => queryClient.invalidateQueries({ queryKey })));
}

export function useCreateUser() {
  const onSuccess = useInvalidate(["users"]);
  return useMutation({
    mutationFn: (body: CreateUserBody) => unwrap(api.POST("/api/v1/users", { body })),
    onSuccess,
  });
}

export function useSetUserActive() {
  const onSuccess = useInvalidate(["users"]);
  return useMutation({
    mutationFn: ({ id, version, active }: { id: string; version: number; active: boolean }) =>
      unwrap(
        api.PATCH("/api/v1/users/{id}", {
          params: { path: { id }, header: ifMatch(version) },
          body: { active },
        }),
      ),
    onSuccess,
  });
}

export function useUpdateUser() {
  const onSuccess = useInvalidate(["users"]);
  return useMutation({
    mutationFn: ({ id, version, body }: Patch<UpdateUserBody>) =>
      unwrap(api.PATCH("/api/v1/users/{id}", { params: { path: { id }, header: ifMatch(version) }, body })),
    onSuccess,
  });
}

export function useUpdateDepartment() {
  const onSuccess = useInvalidate(["departments"]);
  return useMutation({
    mutationFn: ({ id, version, body }: Patch<UpdateDepartmentBody>) =>
      unwrap(
        api.PATCH("/api/v1/departments/{id}", { params: { path: { id }, header: ifMatch(version) }, body }),
      ),
    onSuccess,
  });
}

export function useUpdateCategory() {
  const onSuccess = useInvalidate(["categories"]);
  return useMutation({
    mutationFn: ({ id, version, body }: Patch<UpdateCategoryBody>) =>
      unwrap(
        api.PATCH("/api/v1/categories/{id}", { params: { path: { id }, header: ifMatch(version) }, body }),
      ),
    onSuccess,
  });
}

export function useCreateProject() {
  const onSuccess = useInvalidate(["projects"]);
  return useMutation({
    mutationFn: (body: CreateProjectBody) => unwrap(api.POST("/api/v1/projects", { body })),
    onSuccess,
  });
}

export function useUpdateProject() {
  const onSuccess = useInvalidate(["projects"]);
  return useMutation({
    mutationFn: ({ id, version, body }: Patch<UpdateProjectBody>) =>
      unwrap(
        api.PATCH("/api/v1/projects/{id}", { params: { path: { id }, header: ifMatch(version) }, body }),
      ),
    onSuccess,
  });
}

export function useCreateArea() {
  const onSuccess = useInvalidate(["areas"]);
  return useMutation({
    mutationFn: (body: CreateAreaBody) => unwrap(api.POST("/api/v1/areas", { body })),
    onSuccess,
  });
}

export function useUpdateArea() {
  const onSuccess = useInvalidate(["areas"]);
  return useMutation({
    mutationFn: ({ id, version, body }: Patch<UpdateAreaBody>) =>
      unwrap(api.PATCH("/api/v1/areas/{id}", { params: { path: { id }, header: ifMatch(version) }, body })),
    onSuccess,
  });
}

export function useCreateProperty() {
  const onSuccess = useInvalidate(["properties"]);
  return useMutation({
    mutationFn: (body: CreatePropertyBody) => unwrap(api.POST("/api/v1/properties", { body })),
    onSuccess,
  });
}

export function useUpdateProperty() {
  const onSuccess = useInvalidate(["properties"]);
  return useMutation({
    mutationFn: ({ id, version, body }: Patch<UpdatePropertyBody>) =>
      unwrap(
        api.PATCH("/api/v1/properties/{id}", { params: { path: { id }, header: ifMatch(version) }, body }),
      ),
    onSuccess,
  });
}

export function useCreateDepartment() {
  const onSuccess = useInvalidate(["departments"]);
  return useMutation({
    mutationFn: (body: CreateDepartmentBody) => unwrap(api.POST("/api/v1/departments", { body })),
    onSuccess,
  });
}

export function useCreateCategory() {
  const onSuccess = useInvalidate(["categories"]);
  return useMutation({
    mutationFn: (body: CreateCategoryBody) => unwrap(api.POST("/api/v1/categories", { body })),
    onSuccess,
  });
}

export function useCreateApiKey() {
  const onSuccess = useInvalidate(["api-keys"]);
  return useMutation({
    mutationFn: (body: CreateApiKeyBody) => unwrap(api.POST("/api/v1/api-keys", { body })),
    onSuccess,
  });
}

export function useRevokeApiKey() {
  const onSuccess = useInvalidate(["api-keys"]);
  return useMutation({
    mutationFn: (id: string) => unwrap(api.DELETE("/api/v1/api-keys/{id}", { params: { path: { id } } })),
    onSuccess,
  });
}

/** Imports properties from CSV text; a 422 problem names the bad lines in `errors`. */
export function useImportProperties() {
  const onSuccess = useInvalidate(["properties"]);
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
