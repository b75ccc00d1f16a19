import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { components } from "@/api/schema";
import { api, unwrap } from "@/lib/api";
import { knowledgeKeys } from "./keys";

export type CreateArticleBody = components["schemas"]["CreateArticleRequest"];

/** Writes a new article; `key` is the Idempotency-Key of this form submission. */
export function useCreateArticle() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ body, key }: { body: CreateArticleBody; key: string }) =>
      unwrap(api.POST("/api/v1/knowledge", { body, params: { header: { "Idempotency-Key": key } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: knowledgeKeys.all }),
  });
}
