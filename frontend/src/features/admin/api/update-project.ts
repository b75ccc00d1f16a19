import { useMutation } from "@tanstack/react-query";
import { api, unwrap } from "@/lib/api";
import { type Json, type Patch, ifMatch, useInvalidate } from "./shared";
import { referenceKeys } from "@/lib/query-keys";

export type UpdateProjectBody = Json<"/api/v1/projects/{id}", "patch">;

export function useUpdateProject() {
  const onSuccess = useInvalidate(referenceKeys.projects);
  return useMutation({
    mutationFn: ({ id, version, body }: Patch<UpdateProjectBody>) =>
      unwrap(
        api.PATCH("/api/v1/projects/{id}", { params: { path: { id }, header: ifMatch(version) }, body }),
      ),
    onSuccess,
  });
}
