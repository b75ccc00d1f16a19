import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { components } from "@/api/schema";
import { api, unwrap } from "@/lib/api";
import { deadlineKeys } from "./keys";

export type UpdateWebhook = components["schemas"]["UpdateWebhook"];

/** Changes a webhook with `If-Match: "<version>"`. */
export function useUpdateWebhook() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version, body }: { id: string; version: number; body: UpdateWebhook }) =>
      unwrap(
        api.PATCH("/api/v1/webhooks/{id}", {
          params: { path: { id }, header: { "If-Match": `"${version}"` } },
          body,
        }),
      ),
    onSettled: () => queryClient.invalidateQueries({ queryKey: deadlineKeys.webhooks }),
  });
}
