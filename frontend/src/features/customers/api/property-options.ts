import { queryOptions, useQuery } from "@tanstack/react-query";
import { api, unwrap } from "@/lib/api";
import { customerKeys } from "./keys";

/** Properties to link, searched by room. */
export const propertyOptionsQuery = (q: string) =>
  queryOptions({
    queryKey: customerKeys.propertyOptions(q),
    queryFn: ({ signal }) =>
      unwrap(api.GET("/api/v1/properties", { params: { query: { q: q || undefined, limit: 20 } }, signal })),
    staleTime: 60_000,
  });

export const usePropertyOptions = (q: string) => useQuery(propertyOptionsQuery(q));
