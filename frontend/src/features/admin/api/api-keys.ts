import { queryOptions, useMutation, useQuery } from "@tanstack/react-query";
import { api, unwrap } from "@/lib/api";
import { type Json, useInvalidate } from "./shared";
import { adminKeys } from "./keys";

export type CreateApiKeyBody = Json<"/api/v1/api-keys", "post">;

export const apiKeysQuery = () =>
  queryOptions({
    queryKey: adminKeys.apiKeys,
    queryFn: ({ signal }) => unwrap(api.GET("/api/v1/api-keys", { signal })),
  });

export const useApiKeys = () => useQuery(apiKeysQuery());

export function useCreateApiKey() {
  const onSuccess = useInvalidate(adminKeys.apiKeys);
  return useMutation({
    mutationFn: (body: CreateApiKeyBody) => unwrap(api.POST("/api/v1/api-keys", { body })),
    onSuccess,
  });
}

export function useRevokeApiKey() {
  const onSuccess = useInvalidate(adminKeys.apiKeys);
  return useMutation({
    mutationFn: (id: string) => unwrap(api.DELETE("/api/v1/api-keys/{id}", { params: { path: { id } } })),
    onSuccess,
  });
}
