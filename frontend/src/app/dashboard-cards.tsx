import dayjs from "dayjs";
import type { ReactNode } from "react";
import { ApprovalsCard } from "@/features/dashboard/components/approvals-card";
import { DepartmentOverdueCard } from "@/features/dashboard/components/department-overdue-card";
import { FiguresCard } from "@/features/dashboard/components/figures-card";
import { TrendCard } from "@/features/dashboard/components/trend-card";
import { VisitsCard } from "@/features/dashboard/components/visits-card";
import { WarningsCard } from "@/features/dashboard/components/warnings-card";
import type { Role } from "@/lib/auth";
import type { Permission } from "@/lib/permissions";
import { Cases, MyQueue } from "./dashboard-card-parts";

/**
 * The dashboard's cards, one line each, in display order. A card shows when the user's role is
 * in `roles` (the dashboard of that role) and the user holds `permission` (from `/me`), so no
 * card ever asks for something its user may not read. `wide` cards take the whole row.
 *
 * To add a card: one line here (the pending-handover card goes right after "visits").
 */
export interface DashboardCard {
  key: string;
  roles: readonly Role[];
  permission?: Permission;
  wide?: boolean;
  render: () => ReactNode;
}

const MANAGERS: readonly Role[] = ["admin", "manager"];
const SUPERVISORS: readonly Role[] = ["admin", "manager", "supervisor"];

export const DASHBOARD_CARDS: readonly DashboardCard[] = [
  {
    key: "figures",
    roles: [...SUPERVISORS, "agent"],
    permission: "stats_read",
    wide: true,
    render: () => <FiguresCard />,
  },
  {
    key: "registeredToday",
    roles: ["agent"],
    permission: "case_create",
    render: () => (
      <Cases k="registeredToday" filter={{ created_from: dayjs().startOf("day").toISOString() }} />
    ),
  },
  {
    key: "toDispatch",
    roles: ["agent", "supervisor"],
    permission: "case_dispatch",
    render: () => <Cases k="toDispatch" filter={{ queue: "unassigned", sort: "due" }} />,
  },
  {
    key: "visits",
    roles: ["agent", "steward", "supervisor"],
    permission: "case_reply",
    render: () => <VisitsCard />,
  },
  {
    key: "myWork",
    roles: ["handler"],
    permission: "case_handle",
    render: () => <Cases k="myWork" filter={{ queue: "mine", sort: "due" }} />,
  },
  {
    key: "overdueWork",
    roles: ["handler"],
    permission: "case_read",
    render: () => <Cases k="overdueWork" filter={{ queue: "overdue", sort: "due" }} />,
  },
  {
    key: "departmentWork",
    roles: ["handler"],
    permission: "case_handle",
    render: () => <Cases k="departmentWork" filter={{ queue: "department", sort: "due" }} />,
  },
  {
    key: "areaOpen",
    roles: ["steward"],
    permission: "case_read",
    render: () => (
      <Cases k="areaOpen" filter={{ status: "registered,dispatched,in_progress", sort: "due" }} />
    ),
  },
  {
    key: "awaitingVisitList",
    roles: ["steward"],
    permission: "case_reply",
    render: () => (
      <Cases
        k="awaitingVisitList"
        filter={{ queue: "awaiting_visit", sort: "due" }}
        empty="dashboard.awaitingVisitEmpty"
      />
    ),
  },
  {
    key: "escalatedArea",
    roles: ["supervisor"],
    permission: "case_escalate",
    render: () => (
      <Cases k="escalatedArea" filter={{ level: "area", sort: "due" }} empty="dashboard.escalatedEmpty" />
    ),
  },
  {
    key: "escalatedCompany",
    roles: SUPERVISORS,
    permission: "case_read",
    render: () => (
      <Cases
        k="escalatedCompany"
        filter={{ level: "company", sort: "due" }}
        empty="dashboard.escalatedEmpty"
      />
    ),
  },
  { key: "approvals", roles: ["supervisor"], render: () => <ApprovalsCard /> },
  { key: "warnings", roles: SUPERVISORS, permission: "warning_ack", render: () => <WarningsCard /> },
  {
    key: "departmentOverdue",
    roles: SUPERVISORS,
    permission: "stats_read",
    render: () => <DepartmentOverdueCard />,
  },
  { key: "trend", roles: [...MANAGERS, "supervisor"], permission: "stats_read", render: () => <TrendCard /> },
  {
    key: "myQueue",
    roles: ["agent", "supervisor", "manager"],
    permission: "case_read",
    wide: true,
    render: () => <MyQueue />,
  },
];

/** The cards of `role`'s dashboard that `can` allows. */
export function cardsFor(role: Role, can: (permission: Permission) => boolean): DashboardCard[] {
  return DASHBOARD_CARDS.filter((c) => c.roles.includes(role) && (!c.permission || can(c.permission)));
}
