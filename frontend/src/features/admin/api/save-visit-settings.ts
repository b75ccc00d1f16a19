import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api, unwrap } from "@/lib/api";
import { adminKeys } from "./keys";
import type { VisitsBy } from "./visit-settings";

/** Saves who makes the project's return visits (If-Match: the ETag read with it). */
export function useSaveVisitSettings(projectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ etag, visitsBy }: { etag: string; visitsBy: VisitsBy }) =>
      unwrap(
        api.PUT("/api/v1/visit-settings/{project_id}", {
          params: { path: { project_id: projectId }, header: { "If-Match": etag } },
          body: { visits_by: visitsBy },
        }),
      ),
    onSettled: () => queryClient.invalidateQueries({ queryKey: adminKeys.visitSettings(projectId) }),
  });
}
