/**
 * Query keys of the cases feature that no other feature needs (the shared case, visit and
 * warning keys are in `@/lib/query-keys`).
 */
export const intakeKeys = {
  routingMatch: (query: object) => ["routing", "match", query] as const,
  customers: (q: string) => ["intake", "customers", q] as const,
  properties: (q: string, projectId: string | null) => ["intake", "properties", q, projectId] as const,
};
