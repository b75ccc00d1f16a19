import { useMutation } from "@tanstack/react-query";
import { api, unwrap } from "@/lib/api";
import { type Json, type Patch, ifMatch, useInvalidate } from "./shared";
import { referenceKeys } from "@/lib/query-keys";

export type UpdateUserBody = Json<"/api/v1/users/{id}", "patch">;

export function useUpdateUser() {
  const onSuccess = useInvalidate(referenceKeys.users);
  return useMutation({
    mutationFn: ({ id, version, body }: Patch<UpdateUserBody>) =>
      unwrap(api.PATCH("/api/v1/users/{id}", { params: { path: { id }, header: ifMatch(version) }, body })),
    onSuccess,
  });
}
