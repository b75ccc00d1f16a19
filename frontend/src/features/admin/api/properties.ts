import { keepPreviousData, queryOptions, useQuery } from "@tanstack/react-query";
import { api, unwrap } from "@/lib/api";
import { adminKeys } from "./keys";

export const propertyListQuery = (projectId: string | undefined, q = "") =>
  queryOptions({
    queryKey: adminKeys.propertyList(projectId ?? null, q),
    queryFn: ({ signal }) =>
      unwrap(
        api.GET("/api/v1/properties", {
          params: { query: { project_id: projectId, q: q || undefined, limit: 200 } },
          signal,
        }),
      ),
    enabled: Boolean(projectId),
    // Keep the rows while a search runs; with no project chosen there are none.
    placeholderData: projectId ? keepPreviousData : undefined,
  });

export const usePropertyList = (projectId: string | undefined, q = "") =>
  useQuery(propertyListQuery(projectId, q));
