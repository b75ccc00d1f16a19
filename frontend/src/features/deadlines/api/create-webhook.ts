import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { components } from "@/api/schema";
import { api, unwrap } from "@/lib/api";
import { deadlineKeys } from "./keys";

export type CreateWebhook = components["schemas"]["CreateWebhook"];

/** Subscribes a URL; the answer carries the signing secret in full, this once. */
export function useCreateWebhook() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateWebhook) => unwrap(api.POST("/api/v1/webhooks", { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: deadlineKeys.webhooks }),
  });
}
