import { useMutation } from "@tanstack/react-query";
import { api, unwrap } from "@/lib/api";
import type { CaseDetail } from "@/lib/types";
import { useAfterLink } from "./after-link";

/** `POST /cases/{id}/unlink`. */
export function useUnlinkCase() {
  const after = useAfterLink();
  return useMutation({
    mutationFn: ({ id, version }: { id: string; version: number; parentId: string }) =>
      unwrap<CaseDetail>(
        api.POST("/api/v1/cases/{id}/unlink", {
          params: { path: { id }, header: { "If-Match": `"${version}"` } },
        }),
      ),
    onSuccess: (updated, vars) => {
      after.onSuccess(updated, vars);
    },
  });
}
