/**
 * Query keys more than one feature uses. A feature's own keys live in its `api/keys.ts`; the
 * ones here are shared because a change made in one feature must refresh what another shows
 * (a case action refreshes the dashboard's visits, acknowledging a warning its warnings card, an
 * administrator's edit the reference lists every screen reads). Invalidating a key refreshes every
 * key it prefixes, so each factory builds its keys from its own `all`.
 */

export const referenceKeys = {
  me: ["me"] as const,
  categories: ["categories"] as const,
  departments: ["departments"] as const,
  projects: ["projects"] as const,
  /** Every user list (the reference lists and the administration's). */
  users: ["users"] as const,
  usersOf: (departmentId: string | null) => ["users", departmentId] as const,
};

export const caseKeys = {
  all: ["cases"] as const,
  lists: ["cases", "list"] as const,
  list: (query: object) => ["cases", "list", query] as const,
  /** The incident picker's search (a list: refreshed with the others). */
  incidentPicker: (q: string) => ["cases", "list", "incident-picker", q] as const,
  detail: (id: string) => ["cases", "detail", id] as const,
  events: (id: string) => ["cases", "events", id] as const,
  dashboard: (filter: object) => ["cases", "dashboard", filter] as const,
};

export const visitKeys = {
  all: ["visits"] as const,
  list: (query: object) => ["visits", "list", query] as const,
  dashboard: ["visits", "dashboard"] as const,
};

export const warningKeys = {
  all: ["warnings"] as const,
  list: (status: string | undefined) => ["warnings", status] as const,
  openOnDashboard: ["warnings", "open", "dashboard"] as const,
};
