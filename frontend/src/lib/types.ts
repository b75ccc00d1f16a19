import type { components } from "@/api/schema";

/** Names for the generated schemas the screens use most (aliases only: nothing is hand-written). */
type Schemas = components["schemas"];
export type CaseSummary = Schemas["CaseSummary"];
export type CaseDetail = Schemas["CaseResponse"];
export type CaseAction = Schemas["CaseAction"];
export type CaseStatus = Schemas["CaseStatus"];
export type CaseKind = Schemas["CaseKind"];
export type Channel = Schemas["Channel"];
export type Severity = Schemas["Severity"];
export type Satisfaction = Schemas["Satisfaction"];
export type Queue = Schemas["Queue"];
export type Category = Schemas["CategoryResponse"];
export type Department = Schemas["DepartmentResponse"];
export type UserItem = Schemas["UserResponse"];
export type Project = Schemas["ProjectResponse"];
export type Property = Schemas["PropertyResponse"];
export type CustomerDetail = Schemas["CustomerDetail"];
export type Customer = Schemas["CustomerResponse"];
export type Summary = Schemas["Summary"];
export type Ratio = Schemas["Ratio"];
export type Dimension = Schemas["Dimension"];
export type Level = Schemas["Level"];
export type CaseEvent = Schemas["CaseEventResponse"];
export type VisitPurpose = Schemas["VisitPurpose"];
export type VisitFilter = Schemas["VisitFilter"];
export type ScheduledVisit = Schemas["ScheduledVisitView"];

export const LEVELS: readonly Level[] = ["project", "area", "company"];
export type VisitOutcome = Schemas["VisitOutcome"];
/** The outcomes a visit of each purpose records (issue #19). */
export const VISIT_OUTCOMES: Record<VisitPurpose, readonly VisitOutcome[]> = {
  contact_check: ["contacted", "not_contacted"],
  outcome_check: ["done", "not_done", "unreachable"],
  satisfaction: ["very_dissatisfied", "dissatisfied", "satisfied", "very_satisfied", "unreachable"],
};
export const VISIT_PURPOSES: readonly VisitPurpose[] = ["contact_check", "outcome_check", "satisfaction"];

export const CASE_KINDS: readonly CaseKind[] = [
  "complaint",
  "repair",
  "inquiry",
  "suggestion",
  "praise",
  "incident",
];
export const CHANNELS: readonly Channel[] = [
  "phone",
  "walk_in",
  "letter",
  "fax",
  "email",
  "web",
  "app",
  "wechat",
  "other",
];
export const SEVERITIES: readonly Severity[] = ["normal", "major", "urgent"];
export const CASE_STATUSES: readonly CaseStatus[] = [
  "registered",
  "dispatched",
  "in_progress",
  "resolved",
  "visiting",
  "review",
  "closed",
  "cancelled",
];
export const SATISFACTIONS: readonly Satisfaction[] = [
  "very_dissatisfied",
  "dissatisfied",
  "satisfied",
  "very_satisfied",
];
