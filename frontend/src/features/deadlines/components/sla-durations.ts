import type { components } from "@/api/schema";

export type Durations = components["schemas"]["SlaDurations"];

/** The durations, in the order the form and the table show them. */
export const DURATION_FIELDS = [
  "verify_secs",
  "dispatch_secs",
  "resolve_secs",
  "reply_secs",
  "contact_check_secs",
  "outcome_check_secs",
  "satisfaction_visit_secs",
] as const;

const HOUR = 3600;
/** What the form of a new policy starts with. */
export const DEFAULT_DURATIONS: Durations = {
  verify_secs: 8 * HOUR,
  dispatch_secs: 24 * HOUR,
  resolve_secs: 48 * HOUR,
  reply_secs: 24 * HOUR,
  contact_check_secs: 24 * HOUR,
  outcome_check_secs: 48 * HOUR,
  satisfaction_visit_secs: 48 * HOUR,
  business_hours: false,
};
