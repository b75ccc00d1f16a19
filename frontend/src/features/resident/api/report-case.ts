import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { components } from "@/api/schema";
import { unwrap } from "@/lib/api";
import { residentApi } from "./client";
import { residentKeys } from "./keys";

export type ReportCase = components["schemas"]["ReportCase"];

export function useReportCase() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ body, key, photo }: { body: ReportCase; key: string; photo: File | null }) => {
      const created = await unwrap(
        residentApi.POST("/api/v1/resident/cases", { params: { header: { "Idempotency-Key": key } }, body }),
      );
      if (photo) {
        await unwrap(
          residentApi.POST("/api/v1/resident/cases/{id}/attachments", {
            params: { path: { id: created.id } },
            // openapi-fetch sends FormData as is; the generated type describes the part names.
            body: { file: "" },
            bodySerializer: () => {
              const form = new FormData();
              form.append("file", photo);
              return form;
            },
          }),
        );
      }
      return created;
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: residentKeys.all }),
  });
}
