import { queryOptions, useQuery } from "@tanstack/react-query";
import { api, unwrap } from "@/lib/api";
import { templateKeys } from "./keys";
import type { TemplateUse } from "./types";

export const templatesQuery = (use?: TemplateUse) =>
  queryOptions({
    queryKey: templateKeys.list(use ?? null),
    queryFn: ({ signal }) =>
      unwrap(api.GET("/api/v1/reply-templates", { params: { query: { use } }, signal })),
    staleTime: 5 * 60_000,
  });

export const useTemplates = (use?: TemplateUse) => useQuery(templatesQuery(use));
