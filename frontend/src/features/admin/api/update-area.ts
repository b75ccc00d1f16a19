import { useMutation } from "@tanstack/react-query";
import { api, unwrap } from "@/lib/api";
import { type Json, type Patch, ifMatch, useInvalidate } from "./shared";
import { adminKeys } from "./keys";

export type UpdateAreaBody = Json<"/api/v1/areas/{id}", "patch">;

export function useUpdateArea() {
  const onSuccess = useInvalidate(adminKeys.areas);
  return useMutation({
    mutationFn: ({ id, version, body }: Patch<UpdateAreaBody>) =>
      unwrap(api.PATCH("/api/v1/areas/{id}", { params: { path: { id }, header: ifMatch(version) }, body })),
    onSuccess,
  });
}
