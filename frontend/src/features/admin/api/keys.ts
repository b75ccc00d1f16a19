/** Query keys of the administration screens (the reference lists' own are in `@/lib/query-keys`). */
export const adminKeys = {
  users: (q: string) => ["users", "admin", q] as const,
  apiKeys: ["api-keys"] as const,
  properties: ["properties"] as const,
  propertyList: (projectId: string | null, q: string) => ["properties", "admin", projectId, q] as const,
  areas: ["areas"] as const,
  areaList: (projectId: string | null) => ["areas", projectId] as const,
  visitSettings: (projectId: string) => ["visit-settings", projectId] as const,
};
