import {
  infiniteQueryOptions,
  queryOptions,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from "@tanstack/react-query";
import type { components, paths } from "@/api/schema";
import { api, unwrap } from "@/lib/api";
import { knowledgeKeys } from "./keys";

export type ArticleSummary = components["schemas"]["ArticleSummary"];
export type Article = components["schemas"]["ArticleResponse"];
export type ArticleStatus = components["schemas"]["ArticleStatus"];
export type CreateArticleBody = components["schemas"]["CreateArticleRequest"];
export type UpdateArticleBody = components["schemas"]["UpdateArticleRequest"];
type ListQuery = NonNullable<paths["/api/v1/knowledge"]["get"]["parameters"]["query"]>;

/** Browses, or with `q` searches, the articles the user may see. */
export const articlesQuery = (filter: Omit<ListQuery, "cursor" | "limit">) =>
  infiniteQueryOptions({
    queryKey: knowledgeKeys.list(filter),
    queryFn: ({ signal, pageParam }) =>
      unwrap(
        api.GET("/api/v1/knowledge", {
          params: { query: { ...filter, limit: 20, cursor: pageParam ?? undefined } },
          signal,
        }),
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next_cursor ?? null,
  });

export const articleQuery = (id: string) =>
  queryOptions({
    queryKey: knowledgeKeys.detail(id),
    queryFn: ({ signal }) => unwrap(api.GET("/api/v1/knowledge/{id}", { params: { path: { id } }, signal })),
  });

export const useArticles = (filter: Omit<ListQuery, "cursor" | "limit">) =>
  useInfiniteQuery(articlesQuery(filter));
export const useArticle = (id: string | null) =>
  useQuery({ ...articleQuery(id ?? ""), enabled: Boolean(id) });

/** Writes a new article; `key` is the Idempotency-Key of this form submission. */
export function useCreateArticle() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ body, key }: { body: CreateArticleBody; key: string }) =>
      unwrap(api.POST("/api/v1/knowledge", { body, params: { header: { "Idempotency-Key": key } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: knowledgeKeys.all }),
  });
}

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

/** Published articles for a case being registered (its title and category). */
export const suggestionsQuery = (title: string, categoryId?: string) =>
  queryOptions({
    queryKey: knowledgeKeys.suggestions(title, categoryId ?? null),
    queryFn: ({ signal }) =>
      unwrap(
        api.GET("/api/v1/knowledge/suggestions", {
          params: { query: { title, category_id: categoryId } },
          signal,
        }),
      ),
    staleTime: 60_000,
  });

export const useSuggestions = (title: string, categoryId?: string) =>
  useQuery({
    ...suggestionsQuery(title, categoryId),
    enabled: title.trim().length > 0 || Boolean(categoryId),
  });
