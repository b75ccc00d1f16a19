import type { Role } from "./auth";
import type { CaseAction } from "./types";

/**
 * What each role may do to a case, as the UI offers it. The server decides (and answers 403);
 * this only hides buttons a role could never use. `available_actions` says what the state allows.
 */
/** Every action on a case, in the order the console shows them. */
export const CASE_ACTIONS: readonly CaseAction[] = [
  "verify",
  "dispatch",
  "accept",
  "resolve",
  "reply",
  "visit",
  "close_on_spot",
  "cancel",
  "comment",
  "reassign",
  "pause",
  "resume",
  "escalate",
  "deescalate",
];

const ROLE_ACTIONS: Record<Role, readonly CaseAction[]> = {
  admin: CASE_ACTIONS,
  manager: CASE_ACTIONS,
  supervisor: CASE_ACTIONS.filter((action) => action !== "deescalate"),
  agent: [
    "verify",
    "dispatch",
    "reply",
    "visit",
    "close_on_spot",
    "cancel",
    "comment",
    "pause",
    "resume",
    "escalate",
  ],
  steward: ["verify", "reply", "visit", "comment"],
  handler: ["accept", "resolve", "comment", "pause", "resume"],
  resident: [],
  designer: ["comment"],
  customer_manager: ["comment"],
};

/** The actions to offer: allowed by the case's state and by the user's role. */
export function allowedActions(role: Role, available: readonly CaseAction[]): CaseAction[] {
  const mine = ROLE_ACTIONS[role];
  return available.filter((action) => mine.includes(action));
}

export const isAdminRole = (role: Role) => role === "admin" || role === "manager";

/** SLA policies, business calendar, escalation contacts and warning rules. */
export const canConfigureDeadlines = isAdminRole;

/** Webhook subscriptions. */
export const canManageWebhooks = (role: Role) => role === "admin";

/** Reading and acknowledging complaint warnings. */
export const canHandleWarnings = (role: Role) =>
  role === "admin" || role === "manager" || role === "supervisor";

/**
 * The decoration roles see only the console screens they can use (the server answers 403 on the
 * others): a designer their own leads and works and the cases sent to their department; a
 * customer manager the store's leads and works, the intake, the queues and the customer archive.
 */
const DECORATION_SCREENS: Partial<Record<Role, readonly string[]>> = {
  designer: ["dashboard", "queues", "leads", "works"],
  customer_manager: ["dashboard", "intake", "queues", "customers", "leads", "works"],
};

/** Whether a console screen (menu entry, dashboard shortcut) is of use to the role. */
export function canSeeScreen(role: Role, screen: string): boolean {
  const only = DECORATION_SCREENS[role];
  return !only || only.includes(screen);
}
