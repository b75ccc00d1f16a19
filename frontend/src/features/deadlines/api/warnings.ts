import { infiniteQueryOptions, useInfiniteQuery } from "@tanstack/react-query";
import type { components } from "@/api/schema";
import { api, unwrap } from "@/lib/api";
import { warningKeys } from "@/lib/query-keys";

export type WarningStatus = components["schemas"]["WarningStatus"];

export const warningsQuery = (status: WarningStatus) =>
  infiniteQueryOptions({
    queryKey: warningKeys.list(status),
    queryFn: ({ signal, pageParam }) =>
      unwrap(
        api.GET("/api/v1/warnings", { params: { query: { status, limit: 25, cursor: pageParam } }, signal }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next_cursor ?? undefined,
  });

export const useWarnings = (status: WarningStatus) => useInfiniteQuery(warningsQuery(status));
