/** Query keys of the audit log. */
export const auditKeys = {
  all: ["audit"] as const,
  list: (filter: object) => ["audit", filter] as const,
};
