import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { components } from "@/api/schema";
import { api, unwrap } from "@/lib/api";
import { leadKeys } from "./keys";
import type { Lead, LossKind, LossReason } from "./types";

export type FollowUp = components["schemas"]["FollowUpRequest"];

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
