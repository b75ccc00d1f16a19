import { queryOptions, useQuery } from "@tanstack/react-query";
import { api, unwrap } from "@/lib/api";
import { notificationKeys } from "./keys";

/** How often the bell asks for new notifications. */
export const POLL_MS = 30_000;

/** The latest notifications with the unread count, polled while the console is open. */
export const notificationsQuery = () =>
  queryOptions({
    queryKey: notificationKeys.all,
    queryFn: ({ signal }) =>
      unwrap(api.GET("/api/v1/notifications", { params: { query: { limit: 10 } }, signal })),
    refetchInterval: POLL_MS,
  });

export const useNotifications = () => useQuery(notificationsQuery());
