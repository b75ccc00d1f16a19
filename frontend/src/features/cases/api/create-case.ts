import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { paths } from "@/api/schema";
import { api, unwrap } from "@/lib/api";
import { caseKeys } from "@/lib/query-keys";

export type CreateCaseBody = paths["/api/v1/cases"]["post"]["requestBody"]["content"]["application/json"];

/** Registers a case; `key` is the Idempotency-Key of this form submission. */
export function useCreateCase() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ body, key }: { body: CreateCaseBody; key: string }) =>
      unwrap(api.POST("/api/v1/cases", { body, params: { header: { "Idempotency-Key": key } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: caseKeys.lists }),
  });
}
