import { queryOptions, useQuery } from "@tanstack/react-query";
import { api, unwrap } from "@/lib/api";
import { leadKeys } from "./keys";
import type { LeadStatus } from "./types";

export const leadsQuery = (status: LeadStatus | undefined, overdue: boolean) =>
  queryOptions({
    queryKey: leadKeys.list(status ?? "all", overdue),
    queryFn: ({ signal }) =>
      unwrap(
        api.GET("/api/v1/leads", {
          params: { query: { status, overdue: overdue || undefined, limit: 200 } },
          signal,
        }),
      ),
  });

export const useLeads = (status?: LeadStatus, overdue = false) => useQuery(leadsQuery(status, overdue));
