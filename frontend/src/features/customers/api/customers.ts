import { queryOptions, useQuery } from "@tanstack/react-query";
import { api, unwrap } from "@/lib/api";
import { customerKeys } from "./keys";

export const customersQuery = (q: string) =>
  queryOptions({
    queryKey: customerKeys.list(q),
    queryFn: ({ signal }) =>
      unwrap(api.GET("/api/v1/customers", { params: { query: { q: q || undefined, limit: 50 } }, signal })),
  });

export const useCustomers = (q: string) => useQuery(customersQuery(q));
