import { useMutation } from "@tanstack/react-query";
import { api, unwrap } from "@/lib/api";
import { type Json, useInvalidate } from "./shared";
import { referenceKeys } from "@/lib/query-keys";

export type CreateDepartmentBody = Json<"/api/v1/departments", "post">;

export function useCreateDepartment() {
  const onSuccess = useInvalidate(referenceKeys.departments);
  return useMutation({
    mutationFn: (body: CreateDepartmentBody) => unwrap(api.POST("/api/v1/departments", { body })),
    onSuccess,
  });
}
