import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api, unwrap } from "@/lib/api";
import { deadlineKeys } from "./keys";

/** Sends a delivery again (as a new delivery with the same event and data). */
export function useRedeliver(webhookId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (deliveryId: string) =>
      unwrap(
        api.POST("/api/v1/webhooks/{id}/deliveries/{delivery_id}/redeliver", {
          params: { path: { id: webhookId, delivery_id: deliveryId } },
        }),
      ),
    onSettled: () => queryClient.invalidateQueries({ queryKey: deadlineKeys.deliveries(webhookId) }),
  });
}
