import { queryOptions, useQuery } from "@tanstack/react-query";
import type { components } from "@/api/schema";
import { api, unwrap } from "@/lib/api";
import { deadlineKeys } from "./keys";

export type ProcessSettings = components["schemas"]["ProcessSettings"];

/** A project's process settings and their ETag (`"0"` while the defaults apply). */
export const processSettingsQuery = (projectId: string) =>
  queryOptions({
    queryKey: deadlineKeys.processSettings(projectId),
    queryFn: async ({ signal }) => {
      const result = await api.GET("/api/v1/projects/{id}/settings", {
        params: { path: { id: projectId } },
        signal,
      });
      const settings = await unwrap(Promise.resolve(result));
      return { settings, etag: result.response.headers.get("ETag") ?? '"0"' };
    },
    enabled: Boolean(projectId),
  });

export const useProcessSettings = (projectId: string) => useQuery(processSettingsQuery(projectId));
