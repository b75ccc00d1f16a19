import type { components } from "@/api/schema";

export type Lead = components["schemas"]["LeadResponse"];
export type LeadStatus = components["schemas"]["LeadStatus"];
export type LossKind = components["schemas"]["LossKind"];
export type LossReason = components["schemas"]["LossReason"];

export const LEAD_STATUSES: readonly LeadStatus[] = [
  "new",
  "dispatched",
  "measured",
  "proposal",
  "signed",
  "lost_pending",
  "lost",
];
