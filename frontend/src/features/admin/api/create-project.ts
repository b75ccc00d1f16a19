import { useMutation } from "@tanstack/react-query";
import { api, unwrap } from "@/lib/api";
import { type Json, useInvalidate } from "./shared";
import { referenceKeys } from "@/lib/query-keys";

export type CreateProjectBody = Json<"/api/v1/projects", "post">;

export function useCreateProject() {
  const onSuccess = useInvalidate(referenceKeys.projects);
  return useMutation({
    mutationFn: (body: CreateProjectBody) => unwrap(api.POST("/api/v1/projects", { body })),
    onSuccess,
  });
}
