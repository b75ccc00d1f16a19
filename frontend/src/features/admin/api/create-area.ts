import { useMutation } from "@tanstack/react-query";
import { api, unwrap } from "@/lib/api";
import { type Json, useInvalidate } from "./shared";
import { adminKeys } from "./keys";

export type CreateAreaBody = Json<"/api/v1/areas", "post">;

export function useCreateArea() {
  const onSuccess = useInvalidate(adminKeys.areas);
  return useMutation({
    mutationFn: (body: CreateAreaBody) => unwrap(api.POST("/api/v1/areas", { body })),
    onSuccess,
  });
}
