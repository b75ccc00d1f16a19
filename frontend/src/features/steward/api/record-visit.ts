import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { components } from "@/api/schema";
import { api, unwrap } from "@/lib/api";
import { stewardKeys } from "./keys";

export type StewardVisitPurpose = components["schemas"]["StewardVisitPurpose"];
export type RecordVisitBody = components["schemas"]["RecordVisitRequest"];

/** The case to raise from the visit's opinion, if it needs handling. */
export interface OpinionCase {
  kind: "complaint" | "repair" | "suggestion";
  title: string;
}

export interface RecordVisitInput {
  body: RecordVisitBody;
  /** Idempotency-Key of this form submission. */
  key: string;
  photo: File | null;
  opinionCase: OpinionCase | null;
}

/** Records the visit, then its photo, then the case from its opinion (linked to the visit). */
export function useRecordVisit() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ body, key, photo, opinionCase }: RecordVisitInput) => {
      const visit = await unwrap(
        api.POST("/api/v1/steward-visits", { params: { header: { "Idempotency-Key": key } }, body }),
      );
      if (photo) {
        await unwrap(
          api.POST("/api/v1/steward-visits/{id}/photos", {
            params: { path: { id: visit.id } },
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
      let caseNumber: string | null = null;
      if (opinionCase) {
        const created = await unwrap(
          api.POST("/api/v1/cases", {
            params: { header: { "Idempotency-Key": `${key}-case` } },
            body: {
              kind: opinionCase.kind,
              channel: "steward_visit",
              property_id: body.property_id,
              customer_id: body.customer_id ?? null,
              title: opinionCase.title,
              description: body.opinions ?? "",
              steward_visit_id: visit.id,
            },
          }),
        );
        caseNumber = created.number;
      }
      return { visit, caseNumber };
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: stewardKeys.all }),
  });
}
