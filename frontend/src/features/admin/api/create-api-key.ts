import { useMutation } from "@tanstack/react-query";
import { api, unwrap } from "@/lib/api";
import { type Json, useInvalidate } from "./shared";
import { adminKeys } from "./keys";

export type CreateApiKeyBody = Json<"/api/v1/api-keys", "post">;

export function useCreateApiKey() {
  const onSuccess = useInvalidate(adminKeys.apiKeys);
  return useMutation({
    mutationFn: (body: CreateApiKeyBody) => unwrap(api.POST("/api/v1/api-keys", { body })),
    onSuccess,
  });
}
