import { queryOptions, useQuery } from "@tanstack/react-query";
import { api, unwrap } from "@/lib/api";
import { knowledgeKeys } from "./keys";

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
