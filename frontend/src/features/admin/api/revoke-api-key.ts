import { useMutation } from "@tanstack/react-query";
import { api, unwrap } from "@/lib/api";
import { useInvalidate } from "./shared";
import { adminKeys } from "./keys";

export function useRevokeApiKey() {
  const onSuccess = useInvalidate(adminKeys.apiKeys);
  return useMutation({
    mutationFn: (id: string) => unwrap(api.DELETE("/api/v1/api-keys/{id}", { params: { path: { id } } })),
    onSuccess,
  });
}
