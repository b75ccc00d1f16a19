import { infiniteQueryOptions, useInfiniteQuery } from "@tanstack/react-query";
import type { components, paths } from "@/api/schema";
import { api, unwrap } from "@/lib/api";
import { auditKeys } from "./keys";

export type AuditEntry = components["schemas"]["AuditEntryResponse"];
export type AuditFilter = Omit<
  NonNullable<paths["/api/v1/audit"]["get"]["parameters"]["query"]>,
  "cursor" | "limit"
>;

/** The audit log, newest first, filtered by user, action and time. */
export const auditQuery = (filter: AuditFilter) =>
  infiniteQueryOptions({
    queryKey: auditKeys.list(filter),
    queryFn: ({ signal, pageParam }) =>
      unwrap(
        api.GET("/api/v1/audit", {
          params: { query: { ...filter, limit: 50, cursor: pageParam ?? undefined } },
          signal,
        }),
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next_cursor ?? null,
  });

export const useAudit = (filter: AuditFilter) => useInfiniteQuery(auditQuery(filter));
