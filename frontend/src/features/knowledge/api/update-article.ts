import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { components } from "@/api/schema";
import { api, unwrap } from "@/lib/api";
import { knowledgeKeys } from "./keys";

export type UpdateArticleBody = components["schemas"]["UpdateArticleRequest"];

/** Changes, publishes or withdraws an article (If-Match: the version last read). */
export function useUpdateArticle() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version, body }: { id: string; version: number; body: UpdateArticleBody }) =>
      unwrap(
        api.PATCH("/api/v1/knowledge/{id}", {
          params: { path: { id }, header: { "If-Match": `"${version}"` } },
          body,
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: knowledgeKeys.all }),
  });
}
