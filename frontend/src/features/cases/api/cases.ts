import {
  infiniteQueryOptions,
  queryOptions,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from "@tanstack/react-query";
import type { paths } from "@/api/schema";
import { api, unwrap } from "@/lib/api";
import type { CaseDetail } from "@/lib/types";
import { intakeKeys } from "./keys";
import { caseKeys, visitKeys } from "@/lib/query-keys";

export type CaseListQuery = NonNullable<paths["/api/v1/cases"]["get"]["parameters"]["query"]>;

export const casesQuery = (query: Omit<CaseListQuery, "cursor">) =>
  infiniteQueryOptions({
    queryKey: caseKeys.list(query),
    queryFn: ({ signal, pageParam }) =>
      unwrap(api.GET("/api/v1/cases", { params: { query: { ...query, cursor: pageParam } }, signal })),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next_cursor ?? undefined,
  });

/** A queue or a filtered list of cases, page by page ("load more"). */
export const useCases = (query: Omit<CaseListQuery, "cursor">) => useInfiniteQuery(casesQuery(query));

export const caseQuery = (id: string) =>
  queryOptions({
    queryKey: caseKeys.detail(id),
    queryFn: ({ signal }) => unwrap(api.GET("/api/v1/cases/{id}", { params: { path: { id } }, signal })),
  });

export const useCase = (id: string) => useQuery(caseQuery(id));

export const caseEventsQuery = (id: string) =>
  queryOptions({
    queryKey: caseKeys.events(id),
    queryFn: ({ signal }) =>
      unwrap(api.GET("/api/v1/cases/{id}/events", { params: { path: { id } }, signal })),
  });

export const useCaseEvents = (id: string) => useQuery(caseEventsQuery(id));

export type RoutingMatchQuery = paths["/api/v1/routing-rules/match"]["get"]["parameters"]["query"];

/** The department the routing rules propose for a case (and whether registering dispatches it). */
export const routingProposalQuery = (query: Partial<RoutingMatchQuery>) =>
  queryOptions({
    queryKey: intakeKeys.routingMatch(query),
    queryFn: ({ signal }) =>
      unwrap(
        api.GET("/api/v1/routing-rules/match", {
          params: { query: query as RoutingMatchQuery },
          signal,
        }),
      ),
    enabled: Boolean(query.project_id && query.category_id),
    staleTime: 60_000,
  });

export const useRoutingProposal = (query: Partial<RoutingMatchQuery>) =>
  useQuery(routingProposalQuery(query));

export type CreateCaseBody = paths["/api/v1/cases"]["post"]["requestBody"]["content"]["application/json"];

/** Registers a case; `key` is the Idempotency-Key of this form submission. */
export function useCreateCase() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ body, key }: { body: CreateCaseBody; key: string }) =>
      unwrap(api.POST("/api/v1/cases", { body, params: { header: { "Idempotency-Key": key } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: caseKeys.lists }),
  });
}

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

export function useUploadAttachment(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (file: File) =>
      unwrap(
        api.POST("/api/v1/cases/{id}/attachments", {
          params: { path: { id } },
          // openapi-fetch sends FormData as is; the generated type describes the part names.
          body: { file: "" },
          bodySerializer: () => {
            const form = new FormData();
            form.append("file", file);
            return form;
          },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: caseKeys.detail(id) }),
  });
}

/** Customers matching a phone number, name or room, with their recent cases (intake). */
export const customerLookupQuery = (q: string) =>
  queryOptions({
    queryKey: intakeKeys.customers(q),
    queryFn: async ({ signal }) => {
      const list = await unwrap(api.GET("/api/v1/customers", { params: { query: { q, limit: 5 } }, signal }));
      return Promise.all(
        list.items.map((c) =>
          unwrap(api.GET("/api/v1/customers/{id}", { params: { path: { id: c.id } }, signal })),
        ),
      );
    },
    enabled: q.trim().length >= 2,
    staleTime: 30_000,
  });

export const useCustomerLookup = (q: string) => useQuery(customerLookupQuery(q));

export const propertiesQuery = (q: string, projectId?: string) =>
  queryOptions({
    queryKey: intakeKeys.properties(q, projectId ?? null),
    queryFn: ({ signal }) =>
      unwrap(
        api.GET("/api/v1/properties", {
          params: { query: { q: q || undefined, project_id: projectId, limit: 20 } },
          signal,
        }),
      ),
    staleTime: 60_000,
  });

export const useProperties = (q: string, projectId?: string) => useQuery(propertiesQuery(q, projectId));
