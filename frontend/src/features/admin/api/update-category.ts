import { useMutation } from "@tanstack/react-query";
import { api, unwrap } from "@/lib/api";
import { type Json, type Patch, ifMatch, useInvalidate } from "./shared";
import { referenceKeys } from "@/lib/query-keys";

export type UpdateCategoryBody = Json<"/api/v1/categories/{id}", "patch">;

export function useUpdateCategory() {
  const onSuccess = useInvalidate(referenceKeys.categories);
  return useMutation({
    mutationFn: ({ id, version, body }: Patch<UpdateCategoryBody>) =>
      unwrap(
        api.PATCH("/api/v1/categories/{id}", { params: { path: { id }, header: ifMatch(version) }, body }),
      ),
    onSuccess,
  });
}
