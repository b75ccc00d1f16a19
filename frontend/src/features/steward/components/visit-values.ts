import type { OpinionCase, StewardVisitPurpose } from "../api/record-visit";

/** The visit form's values. */
export interface VisitValues {
  purpose: StewardVisitPurpose;
  customer_id?: string;
  reached: boolean;
  opinions?: string;
  raise: boolean;
  case_kind: OpinionCase["kind"];
  case_title?: string;
}
