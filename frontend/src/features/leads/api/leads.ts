import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { components } from "@/api/schema";
import { api, unwrap } from "@/lib/api";

export type Lead = components["schemas"]["LeadResponse"];
export type LeadStatus = components["schemas"]["LeadStatus"];
export type EligibleDesigner = components["schemas"]["EligibleDesignerResponse"];
export type CreateLead = components["schemas"]["CreateLead"];

export const LEAD_STATUSES: readonly LeadStatus[] = [
  "new",
  "dispatched",
  "measured",
  "proposal",
  "signed",
  "lost_pending",
  "lost",
];

export const leadsQuery = (status: LeadStatus | undefined, overdue: boolean) =>
  queryOptions({
    queryKey: ["leads", "list", status ?? "all", overdue],
    queryFn: ({ signal }) =>
      unwrap(
        api.GET("/api/v1/leads", {
          params: { query: { status, overdue: overdue || undefined, limit: 200 } },
          signal,
        }),
      ),
  });

export const useLeads = (status?: LeadStatus, overdue = false) => useQuery(leadsQuery(status, overdue));

export const eligibleQuery = (id: string, allLevels: boolean) =>
  queryOptions({
    queryKey: ["leads", "eligible", id, allLevels],
    queryFn: ({ signal }) =>
      unwrap(
        api.GET("/api/v1/leads/{id}/eligible-designers", {
          params: { path: { id }, query: { all_levels: allLevels || undefined } },
          signal,
        }),
      ),
  });

export const useEligibleDesigners = (id: string | null, allLevels: boolean) =>
  useQuery({ ...eligibleQuery(id ?? "", allLevels), enabled: id !== null });

export function useCreateLead() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateLead) => unwrap(api.POST("/api/v1/leads", { body })),
    onSuccess: () => client.invalidateQueries({ queryKey: ["leads"] }),
  });
}

type LeadAction =
  | { kind: "dispatch"; designer_id: string; force_reason?: string }
  | { kind: "measure" }
  | {
      kind: "lose";
      loss: "invalid" | "failed_signing";
      reason: components["schemas"]["LossReason"];
      statement: string;
    }
  | { kind: "confirm"; confirm: boolean; note: string };

/** Runs one action on a lead with `If-Match: "<version>"`; refreshes every lead list after. */
export function useLeadAction() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ lead, action }: { lead: Lead; action: LeadAction }) => {
      const params = { path: { id: lead.id }, header: { "If-Match": `"${lead.version}"` } };
      switch (action.kind) {
        case "dispatch":
          return unwrap(
            api.POST("/api/v1/leads/{id}/dispatch", {
              params,
              body: {
                designer_id: action.designer_id,
                force: action.force_reason ? { reason: action.force_reason } : undefined,
              },
            }),
          );
        case "measure":
          return unwrap(api.POST("/api/v1/leads/{id}/measure", { params, body: {} }));
        case "lose":
          return unwrap(
            api.POST("/api/v1/leads/{id}/lose", {
              params,
              body: { kind: action.loss, reason: action.reason, customer_statement: action.statement },
            }),
          );
        case "confirm":
          return unwrap(
            api.POST("/api/v1/leads/{id}/lose/confirm", {
              params,
              body: { confirm: action.confirm, note: action.note },
            }),
          );
      }
    },
    onSuccess: () => client.invalidateQueries({ queryKey: ["leads"] }),
  });
}
