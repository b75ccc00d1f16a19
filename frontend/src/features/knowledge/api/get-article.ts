import { queryOptions, useQuery } from "@tanstack/react-query";
import { api, unwrap } from "@/lib/api";
import { knowledgeKeys } from "./keys";

export const articleQuery = (id: string) =>
  queryOptions({
    queryKey: knowledgeKeys.detail(id),
    queryFn: ({ signal }) => unwrap(api.GET("/api/v1/knowledge/{id}", { params: { path: { id } }, signal })),
  });

export const useArticle = (id: string | null) =>
  useQuery({ ...articleQuery(id ?? ""), enabled: Boolean(id) });
