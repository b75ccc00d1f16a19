import type { Permission } from "@/lib/permissions";

/**
 * The dashboard's own query keys. Its case, visit and warning cards use the shared keys of
 * `@/lib/query-keys` instead, so the changes made elsewhere refresh them.
 */
export const dashboardKeys = {
  all: ["dashboard"] as const,
  approvals: (allowed: Permission[]) => ["dashboard", "approvals", allowed] as const,
  departmentOverdue: ["dashboard", "department-overdue"] as const,
  figures: ["dashboard", "figures"] as const,
  trend: ["dashboard", "trend"] as const,
};
