import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { components } from "@/api/schema";
import { api, unwrap } from "@/lib/api";
import { leadKeys } from "./keys";

export type Lead = components["schemas"]["LeadResponse"];
export type LeadStatus = components["schemas"]["LeadStatus"];
export type EligibleDesigner = components["schemas"]["EligibleDesignerResponse"];
export type CreateLead = components["schemas"]["CreateLead"];
export type LeadEvent = components["schemas"]["LeadEventResponse"];
export type LossKind = components["schemas"]["LossKind"];
export type LossReason = components["schemas"]["LossReason"];
export type FollowUp = components["schemas"]["FollowUpRequest"];

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

export const leadEventsQuery = (id: string) =>
  queryOptions({
    queryKey: leadKeys.events(id),
    queryFn: ({ signal }) =>
      unwrap(api.GET("/api/v1/leads/{id}/events", { params: { path: { id } }, signal })),
  });

export const useLeadEvents = (id: string) => useQuery(leadEventsQuery(id));

export const eligibleQuery = (id: string, allLevels: boolean) =>
  queryOptions({
    queryKey: leadKeys.eligible(id, allLevels),
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
    onSuccess: () => client.invalidateQueries({ queryKey: leadKeys.all }),
  });
}

export type LeadAction =
  | { kind: "dispatch" | "reassign"; designer_id: string; force_reason?: string; note?: string }
  | { kind: "measure" | "propose" | "sign"; note?: string }
  | { kind: "follow_up"; follow_up: FollowUp }
  | { kind: "attribution"; brought_by: string; note: string }
  | { kind: "lose"; loss: LossKind; reason: LossReason; statement: string }
  | { kind: "confirm"; confirm: boolean; note: string };

/** Runs one action on a lead with `If-Match: "<version>"`; refreshes every lead list after. */
export function useLeadAction() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ lead, action }: { lead: Lead; action: LeadAction }) => {
      const params = { path: { id: lead.id }, header: { "If-Match": `"${lead.version}"` } };
      switch (action.kind) {
        case "dispatch":
        case "reassign":
          return unwrap(
            api.POST(
              action.kind === "dispatch" ? "/api/v1/leads/{id}/dispatch" : "/api/v1/leads/{id}/reassign",
              {
                params,
                body: {
                  designer_id: action.designer_id,
                  force: action.force_reason ? { reason: action.force_reason } : undefined,
                  note: action.note || undefined,
                },
              },
            ),
          );
        case "measure":
          return unwrap(api.POST("/api/v1/leads/{id}/measure", { params, body: { note: action.note } }));
        case "propose":
          return unwrap(api.POST("/api/v1/leads/{id}/propose", { params, body: { note: action.note } }));
        case "sign":
          return unwrap(api.POST("/api/v1/leads/{id}/sign", { params, body: { note: action.note } }));
        case "attribution":
          return unwrap(
            api.POST("/api/v1/leads/{id}/attribution", {
              params,
              body: { brought_by: action.brought_by, note: action.note },
            }),
          );
        case "follow_up":
          return unwrap(api.POST("/api/v1/leads/{id}/follow-up", { params, body: action.follow_up }));
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
    onSuccess: () => client.invalidateQueries({ queryKey: leadKeys.all }),
  });
}
