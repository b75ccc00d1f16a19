/** Query keys of the statistics screens. */
export const statsKeys = {
  all: ["stats"] as const,
  summary: (from: string, to: string) => ["stats", "summary", from, to] as const,
  breakdown: (from: string, to: string, by: string) => ["stats", "breakdown", from, to, by] as const,
  trend: (from: string, to: string) => ["stats", "trend", from, to] as const,
  current: ["stats", "current"] as const,
  report: (month: string, projectId: string | null) => ["stats", "report", month, projectId] as const,
  coverage: (month: string) => ["stats", "coverage", month] as const,
  leads: (month: string) => ["stats", "leads", month] as const,
  works: (month: string) => ["stats", "works", month] as const,
};
