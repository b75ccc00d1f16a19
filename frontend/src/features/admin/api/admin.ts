import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
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

export const adminUsersQuery = () =>
  queryOptions({
    queryKey: ["users", "admin"],
    queryFn: ({ signal }) => unwrap(api.GET("/api/v1/users", { params: { query: { limit: 200 } }, signal })),
  });
export const useAdminUsers = () => useQuery(adminUsersQuery());

export const apiKeysQuery = () =>
  queryOptions({
    queryKey: ["api-keys"],
    queryFn: ({ signal }) => unwrap(api.GET("/api/v1/api-keys", { signal })),
  });
export const useApiKeys = () => useQuery(apiKeysQuery());

export const propertyListQuery = (projectId: string | undefined) =>
  queryOptions({
    queryKey: ["properties", "admin", projectId ?? null],
    queryFn: ({ signal }) =>
      unwrap(
        api.GET("/api/v1/properties", { params: { query: { project_id: projectId, limit: 200 } }, signal }),
      ),
    enabled: Boolean(projectId),
  });
export const usePropertyList = (projectId: string | undefined) => useQuery(propertyListQuery(projectId));

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
          params: { path: { id }, header: { "If-Match": `"${version}"` } },
          body: { active },
        }),
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
