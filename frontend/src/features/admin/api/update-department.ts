import { useMutation } from "@tanstack/react-query";
import { api, unwrap } from "@/lib/api";
import { type Json, type Patch, ifMatch, useInvalidate } from "./shared";
import { referenceKeys } from "@/lib/query-keys";

export type UpdateDepartmentBody = Json<"/api/v1/departments/{id}", "patch">;

export function useUpdateDepartment() {
  const onSuccess = useInvalidate(referenceKeys.departments);
  return useMutation({
    mutationFn: ({ id, version, body }: Patch<UpdateDepartmentBody>) =>
      unwrap(
        api.PATCH("/api/v1/departments/{id}", { params: { path: { id }, header: ifMatch(version) }, body }),
      ),
    onSuccess,
  });
}
