import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api, unwrap } from "@/lib/api";
import { handoverKeys } from "./keys";

/** The next shift signs a handover (its author cannot: 409). */
export function useAcceptHandover() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version, note }: { id: string; version: number; note: string | null }) =>
      unwrap(
        api.POST("/api/v1/handovers/{id}/accept", {
          params: { path: { id }, header: { "If-Match": `"${version}"` } },
          body: { note },
        }),
      ),
    onSettled: () => queryClient.invalidateQueries({ queryKey: handoverKeys.all }),
  });
}
