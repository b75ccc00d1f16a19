import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { paths } from "@/api/schema";
import { api, unwrap } from "@/lib/api";
import type { CaseDetail } from "@/lib/types";
import { caseKeys, visitKeys } from "@/lib/query-keys";
import { caseQuery } from "./get-case";

type Body<P extends keyof paths> = paths[P] extends {
  post: { requestBody?: { content: { "application/json": infer B } } };
}
  ? B
  : never;

export interface ActionBodies {
  verify: Body<"/api/v1/cases/{id}/verify">;
  dispatch: Body<"/api/v1/cases/{id}/dispatch">;
  accept: null;
  resolve: Body<"/api/v1/cases/{id}/resolve">;
  reply: Body<"/api/v1/cases/{id}/reply">;
  visit: Body<"/api/v1/cases/{id}/visit">;
  close_on_spot: Body<"/api/v1/cases/{id}/close_on_spot">;
  cancel: Body<"/api/v1/cases/{id}/cancel">;
  comment: Body<"/api/v1/cases/{id}/comment">;
  reassign: Body<"/api/v1/cases/{id}/reassign">;
  pause: Body<"/api/v1/cases/{id}/pause">;
  resume: Body<"/api/v1/cases/{id}/resume">;
  escalate: Body<"/api/v1/cases/{id}/escalate">;
  deescalate: Body<"/api/v1/cases/{id}/deescalate">;
  cancel_approve: Body<"/api/v1/cases/{id}/cancel/approve">;
  cancel_reject: Body<"/api/v1/cases/{id}/cancel/reject">;
}

export type ActionRequest = {
  [A in keyof ActionBodies]: { action: A; body: ActionBodies[A] };
}[keyof ActionBodies];

function post(id: string, version: number, request: ActionRequest) {
  const params = { path: { id }, header: { "If-Match": `"${version}"` } };
  switch (request.action) {
    case "verify":
      return api.POST("/api/v1/cases/{id}/verify", { params, body: request.body });
    case "dispatch":
      return api.POST("/api/v1/cases/{id}/dispatch", { params, body: request.body });
    case "accept":
      return api.POST("/api/v1/cases/{id}/accept", { params });
    case "resolve":
      return api.POST("/api/v1/cases/{id}/resolve", { params, body: request.body });
    case "reply":
      return api.POST("/api/v1/cases/{id}/reply", { params, body: request.body });
    case "visit":
      return api.POST("/api/v1/cases/{id}/visit", { params, body: request.body });
    case "close_on_spot":
      return api.POST("/api/v1/cases/{id}/close_on_spot", { params, body: request.body });
    case "cancel":
      return api.POST("/api/v1/cases/{id}/cancel", { params, body: request.body });
    case "comment":
      return api.POST("/api/v1/cases/{id}/comment", { params, body: request.body });
    case "reassign":
      return api.POST("/api/v1/cases/{id}/reassign", { params, body: request.body });
    case "pause":
      return api.POST("/api/v1/cases/{id}/pause", { params, body: request.body });
    case "resume":
      return api.POST("/api/v1/cases/{id}/resume", { params, body: request.body });
    case "escalate":
      return api.POST("/api/v1/cases/{id}/escalate", { params, body: request.body });
    case "deescalate":
      return api.POST("/api/v1/cases/{id}/deescalate", { params, body: request.body });
    case "cancel_approve":
      return api.POST("/api/v1/cases/{id}/cancel/approve", { params, body: request.body });
    case "cancel_reject":
      return api.POST("/api/v1/cases/{id}/cancel/reject", { params, body: request.body });
  }
}

/**
 * Runs one action on a case with `If-Match: "<version>"`. On success the new case replaces the
 * cached one; on any failure (412 stale, 409 refused) the case and its timeline are reloaded.
 */
export function useCaseAction() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version, request }: { id: string; version: number; request: ActionRequest }) =>
      unwrap<CaseDetail>(post(id, version, request)),
    onSuccess: (updated) => {
      queryClient.setQueryData(caseQuery(updated.id).queryKey, updated);
      void queryClient.invalidateQueries({ queryKey: caseKeys.events(updated.id) });
      void queryClient.invalidateQueries({ queryKey: caseKeys.lists });
      void queryClient.invalidateQueries({ queryKey: visitKeys.all });
    },
    onError: (_error, { id }) => {
      void queryClient.invalidateQueries({ queryKey: caseKeys.detail(id) });
      void queryClient.invalidateQueries({ queryKey: caseKeys.events(id) });
    },
  });
}
