import { queryOptions, useQuery } from "@tanstack/react-query";
import type { components } from "@/api/schema";
import { api, unwrap } from "@/lib/api";
import { adminKeys } from "./keys";

export type VisitsBy = components["schemas"]["VisitsBy"];

export const VISITS_BY: readonly VisitsBy[] = ["service_desk", "steward"];

/** A project's return-visit setting and its ETag (`"0"` until first saved), sent back as If-Match. */
export const visitSettingsQuery = (projectId: string) =>
  queryOptions({
    queryKey: adminKeys.visitSettings(projectId),
    queryFn: async ({ signal }) => {
      const result = await api.GET("/api/v1/visit-settings/{project_id}", {
        params: { path: { project_id: projectId } },
        signal,
      });
      const settings = await unwrap(Promise.resolve(result));
      return { settings, etag: result.response.headers.get("ETag") ?? '"0"' };
    },
    staleTime: 0,
  });

export const useVisitSettings = (projectId: string) => useQuery(visitSettingsQuery(projectId));
