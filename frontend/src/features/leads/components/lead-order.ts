import type { Lead } from "../api/types";

const OPEN: readonly string[] = ["new", "dispatched", "measured", "proposal"];

/** "My leads" order: open leads first, among them overdue follow-ups first, then by due day. */
export function myLeadsOrder(a: Lead, b: Lead): number {
  const open = Number(OPEN.includes(b.status)) - Number(OPEN.includes(a.status));
  if (open !== 0) return open;
  if (a.overdue !== b.overdue) return a.overdue ? -1 : 1;
  return a.follow_up_due_on.localeCompare(b.follow_up_due_on);
}
