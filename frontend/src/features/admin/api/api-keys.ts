import { queryOptions, useQuery } from "@tanstack/react-query";
import { api, unwrap } from "@/lib/api";
import { adminKeys } from "./keys";

export const apiKeysQuery = () =>
  queryOptions({
    queryKey: adminKeys.apiKeys,
    queryFn: ({ signal }) => unwrap(api.GET("/api/v1/api-keys", { signal })),
  });

export const useApiKeys = () => useQuery(apiKeysQuery());
