import { queryOptions, useQuery } from "@tanstack/react-query";
import { api, unwrap } from "@/lib/api";
import { deadlineKeys } from "./keys";

export const webhooksQuery = () =>
  queryOptions({
    queryKey: deadlineKeys.webhooks,
    queryFn: ({ signal }) => unwrap(api.GET("/api/v1/webhooks", { signal })),
  });

export const useWebhooks = () => useQuery(webhooksQuery());
