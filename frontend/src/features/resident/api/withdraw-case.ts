import { useMutation, useQueryClient } from "@tanstack/react-query";
import { unwrap } from "@/lib/api";
import { residentApi } from "./client";
import { residentKeys } from "./keys";

export function useWithdrawCase(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () =>
      unwrap(
        residentApi.POST("/api/v1/resident/cases/{id}/withdraw", { params: { path: { id } }, body: {} }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: residentKeys.all }),
  });
}
