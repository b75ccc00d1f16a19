import { useMutation } from "@tanstack/react-query";
import { api, unwrap } from "@/lib/api";
import type { CaseDetail } from "@/lib/types";
import { useAfterLink } from "./after-link";

/** `POST /cases/{id}/link` with the case's version as If-Match. */
export function useLinkCase() {
  const after = useAfterLink();
  return useMutation({
    mutationFn: ({ id, version, parentId }: { id: string; version: number; parentId: string }) =>
      unwrap<CaseDetail>(
        api.POST("/api/v1/cases/{id}/link", {
          params: { path: { id }, header: { "If-Match": `"${version}"` } },
          body: { parent_id: parentId },
        }),
      ),
    onSuccess: (updated, vars) => {
      after.onSuccess(updated, vars);
    },
  });
}
