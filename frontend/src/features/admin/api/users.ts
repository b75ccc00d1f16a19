import { keepPreviousData, queryOptions, useQuery } from "@tanstack/react-query";
import { api, unwrap } from "@/lib/api";
import { adminKeys } from "./keys";

export const adminUsersQuery = (q = "") =>
  queryOptions({
    queryKey: adminKeys.users(q),
    queryFn: ({ signal }) =>
      unwrap(api.GET("/api/v1/users", { params: { query: { limit: 200, q: q || undefined } }, signal })),
    placeholderData: keepPreviousData,
  });

export const useAdminUsers = (q = "") => useQuery(adminUsersQuery(q));
