import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api, unwrap } from "@/lib/api";
import { noticeKeys } from "./keys";

/** Publishes a draft or withdraws a published notice. */
export function useNoticeAction() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, action }: { id: string; action: "publish" | "withdraw" }) =>
      unwrap(
        action === "publish"
          ? api.POST("/api/v1/notices/{id}/publish", { params: { path: { id } } })
          : api.POST("/api/v1/notices/{id}/withdraw", { params: { path: { id } } }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: noticeKeys.all }),
  });
}
