import { keepPreviousData, queryOptions, useMutation, useQuery } from "@tanstack/react-query";
import { api, unwrap } from "@/lib/api";
import { type Json, type Patch, ifMatch, useInvalidate } from "./shared";
import { adminKeys } from "./keys";
import { referenceKeys } from "@/lib/query-keys";

export type CreateUserBody = Json<"/api/v1/users", "post">;

export type UpdateUserBody = Json<"/api/v1/users/{id}", "patch">;

export const adminUsersQuery = (q = "") =>
  queryOptions({
    queryKey: adminKeys.users(q),
    queryFn: ({ signal }) =>
      unwrap(api.GET("/api/v1/users", { params: { query: { limit: 200, q: q || undefined } }, signal })),
    placeholderData: keepPreviousData,
  });

export const useAdminUsers = (q = "") => useQuery(adminUsersQuery(q));

export function useCreateUser() {
  const onSuccess = useInvalidate(referenceKeys.users);
  return useMutation({
    mutationFn: (body: CreateUserBody) => unwrap(api.POST("/api/v1/users", { body })),
    onSuccess,
  });
}

export function useSetUserActive() {
  const onSuccess = useInvalidate(referenceKeys.users);
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
  const onSuccess = useInvalidate(referenceKeys.users);
  return useMutation({
    mutationFn: ({ id, version, body }: Patch<UpdateUserBody>) =>
      unwrap(api.PATCH("/api/v1/users/{id}", { params: { path: { id }, header: ifMatch(version) }, body })),
    onSuccess,
  });
}
