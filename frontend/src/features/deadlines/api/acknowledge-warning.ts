import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api, unwrap } from "@/lib/api";
import { warningKeys } from "@/lib/query-keys";

export function useAcknowledgeWarning() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, note }: { id: string; note: string | null }) =>
      unwrap(api.POST("/api/v1/warnings/{id}/acknowledge", { params: { path: { id } }, body: { note } })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: warningKeys.all }),
  });
}
