import { infiniteQueryOptions, useInfiniteQuery } from "@tanstack/react-query";
import { api, unwrap } from "@/lib/api";

export const deliveriesQuery = (webhookId: string) =>
  infiniteQueryOptions({
    queryKey: ["webhooks", webhookId, "deliveries"],
    queryFn: ({ signal, pageParam }) =>
      unwrap(
        api.GET("/api/v1/webhooks/{id}/deliveries", {
          params: { path: { id: webhookId }, query: { limit: 25, cursor: pageParam } },
          signal,
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next_cursor ?? undefined,
  });

export const useDeliveries = (webhookId: string) => useInfiniteQuery(deliveriesQuery(webhookId));
