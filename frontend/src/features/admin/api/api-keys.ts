import { queryOptions, useMutation, useQuery } from "@tanstack/react-query";
import { api, unwrap } from "@/lib/api";
import { type Json, useInvalidate } from "./shared";

export type CreateApiKeyBody = Json<"/api/v1/api-keys", "post">;

export const apiKeysQuery = () =>
  queryOptions({
    queryKey: ["api-keys"],
    queryFn: ({ signal }) => unwrap(api.GET("/api/v1/api-keys", { signal })),
  });

export const useApiKeys = () => useQuery(apiKeysQuery());

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
