import { useMutation } from "@tanstack/react-query";
import { api, unwrap } from "@/lib/api";
import { type Json, useInvalidate } from "./shared";
import { referenceKeys } from "@/lib/query-keys";

export type CreateUserBody = Json<"/api/v1/users", "post">;

export function useCreateUser() {
  const onSuccess = useInvalidate(referenceKeys.users);
  return useMutation({
    mutationFn: (body: CreateUserBody) => unwrap(api.POST("/api/v1/users", { body })),
    onSuccess,
  });
}
