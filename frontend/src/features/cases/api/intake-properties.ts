import { queryOptions, useQuery } from "@tanstack/react-query";
import { api, unwrap } from "@/lib/api";
import { intakeKeys } from "./keys";

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
