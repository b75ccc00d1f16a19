import { queryOptions, useQuery } from "@tanstack/react-query";
import type { components } from "@/api/schema";
import { api, unwrap } from "@/lib/api";
import { handoverKeys } from "./keys";

export type OpenItems = components["schemas"]["OpenItems"];

/** What a handover written now would carry (the server takes the real snapshot on save). */
export const snapshotQuery = (projectId?: string) =>
  queryOptions({
    queryKey: handoverKeys.snapshot(projectId),
    queryFn: ({ signal }) =>
      unwrap(api.GET("/api/v1/handovers/snapshot", { params: { query: { project_id: projectId } }, signal })),
  });

export const useSnapshot = (projectId?: string) => useQuery(snapshotQuery(projectId));
