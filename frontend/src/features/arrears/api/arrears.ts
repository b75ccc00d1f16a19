import { infiniteQueryOptions, useInfiniteQuery } from "@tanstack/react-query";
import type { components, operations } from "@/api/schema";
import { api, unwrap } from "@/lib/api";
import { arrearsKeys } from "./keys";

export type Arrears = components["schemas"]["ArrearsResponse"];
export type Stage = components["schemas"]["Stage"];
export type ArrearsFilters = Omit<
  NonNullable<operations["arrears_list"]["parameters"]["query"]>,
  "limit" | "cursor"
>;

export const arrearsQuery = (filters: ArrearsFilters) =>
  infiniteQueryOptions({
    queryKey: arrearsKeys.list(filters),
    queryFn: ({ signal, pageParam }) =>
      unwrap(
        api.GET("/api/v1/arrears", {
          params: { query: { ...filters, limit: 50, cursor: pageParam } },
          signal,
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next_cursor ?? undefined,
  });

export const useArrears = (filters: ArrearsFilters) => useInfiniteQuery(arrearsQuery(filters));
