import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api, unwrap } from "@/lib/api";
import { deadlineKeys } from "./keys";
import type { ProcessSettings } from "./process-settings";

export function useUpdateProcessSettings(projectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ etag, body }: { etag: string; body: ProcessSettings }) =>
      unwrap(
        api.PUT("/api/v1/projects/{id}/settings", {
          params: { path: { id: projectId }, header: { "If-Match": etag } },
          body,
        }),
      ),
    onSettled: () => queryClient.invalidateQueries({ queryKey: deadlineKeys.processSettings(projectId) }),
  });
}
