import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { components } from "@/api/schema";
import { api, unwrap } from "@/lib/api";
import { templateKeys } from "./keys";
import type { ReplyTemplate } from "./types";

export type CreateTemplateBody = components["schemas"]["CreateReplyTemplate"];

/** Creates a template, or changes `template` (If-Match: its version) when given. */
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
