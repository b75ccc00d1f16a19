import { useMutation } from "@tanstack/react-query";
import { api, unwrap } from "@/lib/api";
import { type Json, useInvalidate } from "./shared";
import { referenceKeys } from "@/lib/query-keys";

export type CreateCategoryBody = Json<"/api/v1/categories", "post">;

export function useCreateCategory() {
  const onSuccess = useInvalidate(referenceKeys.categories);
  return useMutation({
    mutationFn: (body: CreateCategoryBody) => unwrap(api.POST("/api/v1/categories", { body })),
    onSuccess,
  });
}
