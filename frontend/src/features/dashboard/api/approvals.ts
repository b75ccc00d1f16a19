import { queryOptions, useQuery } from "@tanstack/react-query";
import { api, unwrap } from "@/lib/api";
import { useMe } from "@/lib/auth";
import { can, type Permission } from "@/lib/permissions";
import { dashboardKeys } from "./keys";

export type ApprovalKind = "lostLeads" | "supervisorArrears" | "pendingHandovers" | "cancelRequests";

/** One kind of thing awaiting a supervisor: how many (`more` when past the first page) and where. */
export interface Approval {
  kind: ApprovalKind;
  count: number;
  more: boolean;
  to: string;
}

const LIMIT = 50;

interface Page {
  items: unknown[];
  next_cursor?: string | null;
}

const SOURCES: {
  kind: ApprovalKind;
  permission: Permission;
  to: string;
  fetch: (signal: AbortSignal) => Promise<Page>;
}[] = [
  {
    kind: "lostLeads",
    permission: "lead_decide",
    to: "/leads?status=lost_pending",
    fetch: (signal) =>
      unwrap(
        api.GET("/api/v1/leads", { params: { query: { status: "lost_pending", limit: LIMIT } }, signal }),
      ),
  },
  {
    kind: "supervisorArrears",
    permission: "arrears_read",
    to: "/arrears?stage=supervisor",
    fetch: (signal) =>
      unwrap(
        api.GET("/api/v1/arrears", {
          params: { query: { stage: "supervisor", status: "open", limit: LIMIT } },
          signal,
        }),
      ),
  },
  {
    kind: "cancelRequests",
    permission: "case_cancel_approve",
    to: "/cases?cancel_requested=true",
    fetch: (signal) =>
      unwrap(
        api.GET("/api/v1/cases", { params: { query: { cancel_requested: true, limit: LIMIT } }, signal }),
      ),
  },
  {
    kind: "pendingHandovers",
    permission: "handover_write",
    to: "/handovers",
    fetch: (signal) =>
      unwrap(
        api.GET("/api/v1/handovers", { params: { query: { status: "pending", limit: LIMIT } }, signal }),
      ),
  },
];

/**
 * What awaits a supervisor now, read from the lists themselves (no counts invented): lost leads
 * to confirm, arrears at the supervisor stage, cancellations of dispatched cases to approve,
 * handovers nobody has signed. Only the lists the
 * user may read are asked for.
 */
export const approvalsQuery = (allowed: Permission[]) =>
  queryOptions({
    queryKey: dashboardKeys.approvals(allowed),
    queryFn: async ({ signal }): Promise<Approval[]> => {
      const sources = SOURCES.filter((s) => allowed.includes(s.permission));
      const pages = await Promise.all(sources.map((s) => s.fetch(signal)));
      return sources.map((s, i) => {
        const page = pages[i];
        return {
          kind: s.kind,
          count: page?.items.length ?? 0,
          more: Boolean(page?.next_cursor),
          to: s.to,
        };
      });
    },
    staleTime: 60_000,
  });

export function useApprovals() {
  const me = useMe();
  const allowed = SOURCES.map((s) => s.permission).filter((p) => can(me.data, p));
  return useQuery({ ...approvalsQuery(allowed), enabled: me.isSuccess });
}
