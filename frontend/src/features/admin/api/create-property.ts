import { useMutation } from "@tanstack/react-query";
import { api, unwrap } from "@/lib/api";
import { type Json, useInvalidate } from "./shared";
import { adminKeys } from "./keys";

export type CreatePropertyBody = Json<"/api/v1/properties", "post">;

export function useCreateProperty() {
  const onSuccess = useInvalidate(adminKeys.properties);
  return useMutation({
    mutationFn: (body: CreatePropertyBody) => unwrap(api.POST("/api/v1/properties", { body })),
    onSuccess,
  });
}
