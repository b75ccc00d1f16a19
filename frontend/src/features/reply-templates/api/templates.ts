import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { components } from "@/api/schema";
import { api, unwrap } from "@/lib/api";
import { templateKeys } from "./keys";

export type ReplyTemplate = components["schemas"]["ReplyTemplateResponse"];
export type TemplateUse = components["schemas"]["TemplateUse"];
export type CreateTemplateBody = components["schemas"]["CreateReplyTemplate"];

export const templatesQuery = (use?: TemplateUse) =>
  queryOptions({
    queryKey: templateKeys.list(use ?? null),
    queryFn: ({ signal }) =>
      unwrap(api.GET("/api/v1/reply-templates", { params: { query: { use } }, signal })),
    staleTime: 5 * 60_000,
  });

export const useTemplates = (use?: TemplateUse) => useQuery(templatesQuery(use));

export function useSaveTemplate() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ template, body }: { template?: ReplyTemplate; body: CreateTemplateBody }) =>
      template
        ? unwrap(
            api.PATCH("/api/v1/reply-templates/{id}", {
              params: { path: { id: template.id }, header: { "If-Match": `"${template.version}"` } },
              body,
            }),
          )
        : unwrap(api.POST("/api/v1/reply-templates", { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: templateKeys.all }),
  });
}

export function useDeleteTemplate() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      unwrap(api.DELETE("/api/v1/reply-templates/{id}", { params: { path: { id } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: templateKeys.all }),
  });
}

/** The template's text filled from the case (`{customer_name}` → the customer's name…). */
export const renderTemplate = (id: string, caseId: string) =>
  unwrap(
    api.POST("/api/v1/reply-templates/{id}/render", { params: { path: { id } }, body: { case_id: caseId } }),
  );
