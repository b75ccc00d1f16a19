import { infiniteQueryOptions, useInfiniteQuery } from "@tanstack/react-query";
import { api, unwrap } from "@/lib/api";
import { deadlineKeys } from "./keys";

export const deliveriesQuery = (webhookId: string) =>
  infiniteQueryOptions({
    queryKey: deadlineKeys.deliveries(webhookId),
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
