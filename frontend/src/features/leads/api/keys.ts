/** Query keys of the leads feature. */
export const leadKeys = {
  all: ["leads"] as const,
  list: (status: string, overdue: boolean) => ["leads", "list", status, overdue] as const,
  events: (id: string) => ["leads", "events", id] as const,
  eligible: (id: string, allLevels: boolean) => ["leads", "eligible", id, allLevels] as const,
};
