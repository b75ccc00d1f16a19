import { useMutation } from "@tanstack/react-query";
import { api, unwrap } from "@/lib/api";
import { type Json, type Patch, ifMatch, useInvalidate } from "./shared";
import { adminKeys } from "./keys";

export type UpdatePropertyBody = Json<"/api/v1/properties/{id}", "patch">;

export function useUpdateProperty() {
  const onSuccess = useInvalidate(adminKeys.properties);
  return useMutation({
    mutationFn: ({ id, version, body }: Patch<UpdatePropertyBody>) =>
      unwrap(
        api.PATCH("/api/v1/properties/{id}", { params: { path: { id }, header: ifMatch(version) }, body }),
      ),
    onSuccess,
  });
}
