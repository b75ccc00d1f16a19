import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api, unwrap } from "@/lib/api";
import type { SlaPolicyInput } from "./create-sla-policy";
import { deadlineKeys } from "./keys";

/** Replaces a policy with `If-Match: "<version>"`. */
export function useUpdateSlaPolicy() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version, body }: { id: string; version: number; body: SlaPolicyInput }) =>
      unwrap(
        api.PUT("/api/v1/sla-policies/{id}", {
          params: { path: { id }, header: { "If-Match": `"${version}"` } },
          body,
        }),
      ),
    onSettled: () => queryClient.invalidateQueries({ queryKey: deadlineKeys.slaPolicies }),
  });
}
