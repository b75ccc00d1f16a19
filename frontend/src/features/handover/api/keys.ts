/** Query keys of the handover feature. */
export const handoverKeys = {
  all: ["handovers"] as const,
  list: (status?: string) => ["handovers", "list", status ?? "all"] as const,
  snapshot: (projectId?: string) => ["handovers", "snapshot", projectId ?? "mine"] as const,
};
