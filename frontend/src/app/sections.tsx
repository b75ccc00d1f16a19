import {
  AlertOutlined,
  AuditOutlined,
  BarChartOutlined,
  BookOutlined,
  BuildOutlined,
  DashboardOutlined,
  FieldTimeOutlined,
  FileSearchOutlined,
  FormOutlined,
  HomeOutlined,
  MessageOutlined,
  MoneyCollectOutlined,
  NotificationOutlined,
  PhoneOutlined,
  SettingOutlined,
  ShopOutlined,
  SwapOutlined,
  TeamOutlined,
} from "@ant-design/icons";
import { lazy, type LazyExoticComponent, type ReactNode } from "react";
import type { Permission } from "@/lib/permissions";

/**
 * The console's screens: one line each, in menu order. `permission` (from the server's table,
 * via `GET /api/v1/me`) decides whether the menu offers the screen and whether its address
 * opens it; without it the user sees one "not available for your role" page. `menu: false`
 * keeps a screen reachable by address only (a case's page). The label is `nav.<key>`.
 *
 * To add a screen: add its route component under `./routes/` and one line here.
 */
export interface Section {
  key: string;
  /** The path below `/` (defaults to the key). */
  path?: string;
  icon?: ReactNode;
  permission?: Permission;
  menu?: false;
  /** The menu item to highlight while this screen is open (defaults to the key). */
  menuKey?: string;
  page: LazyExoticComponent<() => ReactNode>;
}

export const SECTIONS: readonly Section[] = [
  { key: "dashboard", icon: <DashboardOutlined />, page: lazy(() => import("./routes/dashboard")) },
  {
    key: "intake",
    icon: <FormOutlined />,
    permission: "case_create",
    page: lazy(() => import("./routes/intake")),
  },
  {
    key: "queues",
    icon: <AuditOutlined />,
    permission: "case_read",
    page: lazy(() => import("./routes/queues")),
  },
  {
    key: "case",
    path: "cases/:id",
    permission: "case_read",
    menu: false,
    menuKey: "queues",
    page: lazy(() => import("./routes/case")),
  },
  {
    key: "visits",
    icon: <PhoneOutlined />,
    permission: "case_reply",
    page: lazy(() => import("./routes/visits")),
  },
  {
    key: "customers",
    icon: <TeamOutlined />,
    permission: "customer_read",
    page: lazy(() => import("./routes/customers")),
  },
  {
    key: "knowledge",
    icon: <BookOutlined />,
    permission: "knowledge_read",
    page: lazy(() => import("./routes/knowledge")),
  },
  {
    key: "reply-templates",
    icon: <MessageOutlined />,
    permission: "knowledge_read",
    page: lazy(() => import("./routes/reply-templates")),
  },
  {
    key: "statistics",
    icon: <BarChartOutlined />,
    permission: "stats_read",
    page: lazy(() => import("./routes/statistics")),
  },
  {
    key: "warnings",
    icon: <AlertOutlined />,
    permission: "warning_ack",
    page: lazy(() => import("./routes/warnings")),
  },
  {
    key: "audit",
    icon: <FileSearchOutlined />,
    permission: "audit_read",
    page: lazy(() => import("./routes/audit")),
  },
  {
    key: "admin",
    icon: <SettingOutlined />,
    permission: "org_manage",
    page: lazy(() => import("./routes/admin")),
  },
  {
    key: "deadlines",
    icon: <FieldTimeOutlined />,
    permission: "sla_manage",
    page: lazy(() => import("./routes/deadlines")),
  },
  {
    key: "steward",
    icon: <HomeOutlined />,
    permission: "steward_work",
    page: lazy(() => import("./routes/steward")),
  },
  {
    key: "notices",
    icon: <NotificationOutlined />,
    permission: "notice_draft",
    page: lazy(() => import("./routes/notices")),
  },
  {
    key: "arrears",
    icon: <MoneyCollectOutlined />,
    permission: "arrears_read",
    page: lazy(() => import("./routes/arrears")),
  },
  {
    key: "handovers",
    icon: <SwapOutlined />,
    permission: "handover_write",
    page: lazy(() => import("./routes/handovers")),
  },
  {
    key: "leads",
    icon: <ShopOutlined />,
    permission: "lead_read",
    page: lazy(() => import("./routes/leads")),
  },
  {
    key: "works",
    icon: <BuildOutlined />,
    permission: "works_read",
    page: lazy(() => import("./routes/works")),
  },
];

/** The section an address belongs to (its first path segment), for the menu's highlight. */
export function sectionOf(pathname: string): string {
  const first = pathname.split("/")[1] ?? "";
  const section = SECTIONS.find((s) => (s.path ?? s.key).split("/")[0] === first);
  return section?.menuKey ?? section?.key ?? first;
}
