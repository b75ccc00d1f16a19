import { queryOptions, useQuery } from "@tanstack/react-query";
import { api, unwrap } from "@/lib/api";
import { intakeKeys } from "./keys";

/** Customers matching a phone number, name or room, with their recent cases (intake). */
export const customerLookupQuery = (q: string) =>
  queryOptions({
    queryKey: intakeKeys.customers(q),
    queryFn: async ({ signal }) => {
      const list = await unwrap(api.GET("/api/v1/customers", { params: { query: { q, limit: 5 } }, signal }));
      return Promise.all(
        list.items.map((c) =>
          unwrap(api.GET("/api/v1/customers/{id}", { params: { path: { id: c.id } }, signal })),
        ),
      );
    },
    enabled: q.trim().length >= 2,
    staleTime: 30_000,
  });

export const useCustomerLookup = (q: string) => useQuery(customerLookupQuery(q));
