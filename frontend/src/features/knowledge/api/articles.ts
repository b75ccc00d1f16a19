import { infiniteQueryOptions, useInfiniteQuery } from "@tanstack/react-query";
import type { paths } from "@/api/schema";
import { api, unwrap } from "@/lib/api";
import { knowledgeKeys } from "./keys";

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

export const useArticles = (filter: Omit<ListQuery, "cursor" | "limit">) =>
  useInfiniteQuery(articlesQuery(filter));
