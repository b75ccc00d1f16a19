import type { components } from "@/api/schema";

export type WebhookEvent = components["schemas"]["WebhookEvent"];

/** The events a subscription can ask for, in the order the form offers them. */
export const EVENTS: readonly WebhookEvent[] = [
  "case_created",
  "case_status_changed",
  "case_escalated",
  "visit_recorded",
  "warning_fired",
];
