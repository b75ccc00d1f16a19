import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { components } from "@/api/schema";
import { api, unwrap } from "@/lib/api";
import { noticeKeys } from "./keys";

export type CreateNoticeBody = components["schemas"]["CreateNoticeRequest"];

export function useCreateNotice() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ body, key }: { body: CreateNoticeBody; key: string }) =>
      unwrap(api.POST("/api/v1/notices", { params: { header: { "Idempotency-Key": key } }, body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: noticeKeys.all }),
  });
}
