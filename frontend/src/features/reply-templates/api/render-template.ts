import { api, unwrap } from "@/lib/api";

/** The template's text filled from the case (`{customer_name}` → the customer's name…). */
export const renderTemplate = (id: string, caseId: string) =>
  unwrap(
    api.POST("/api/v1/reply-templates/{id}/render", { params: { path: { id } }, body: { case_id: caseId } }),
  );
