import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { components } from "@/api/schema";
import { api, unwrap } from "@/lib/api";
import { deadlineKeys } from "./keys";

export type WarningRules = components["schemas"]["WarningRules"];

export function useUpdateWarningRules() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ etag, body }: { etag: string; body: WarningRules }) =>
      unwrap(api.PUT("/api/v1/warning-rules", { params: { header: { "If-Match": etag } }, body })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: deadlineKeys.warningRules }),
  });
}
