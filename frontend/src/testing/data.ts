import type { CaseDetail, CustomerDetail, Project } from "@/lib/types";
import type { User } from "@/lib/auth";
import type { TokenResponse } from "@/lib/session";

export function aUser(overrides: Partial<User> = {}): User {
  return {
    id: "0192f0c4-0000-7000-8000-000000000001",
    username: "admin",
    display_name: "王管理",
    phone: null,
    role: "admin",
    department_id: null,
    project_ids: [],
    active: true,
    version: 1,
    created_at: "2026-11-25T08:00:00Z",
    updated_at: "2026-11-25T08:00:00Z",
    permissions: ALL_PERMISSIONS,
    ...overrides,
  };
}

/**
 * Every permission (what the server answers for an admin). Tests of other roles list the
 * permissions they need explicitly: the console keeps no copy of the server's table. The record
 * makes the compiler name any permission the generated types have and this list lacks.
 */
const EVERY_PERMISSION: Record<User["permissions"][number], true> = {
  org_read: true,
  org_manage: true,
  user_manage: true,
  category_read: true,
  category_manage: true,
  customer_read: true,
  customer_manage: true,
  pii_view: true,
  audit_read: true,
  case_create: true,
  case_read: true,
  case_verify: true,
  case_dispatch: true,
  case_handle: true,
  case_reply: true,
  case_close_on_spot: true,
  case_cancel: true,
  case_cancel_approve: true,
  case_reassign: true,
  case_comment: true,
  stats_read: true,
  case_export: true,
  api_key_manage: true,
  job_manage: true,
  case_pause: true,
  case_escalate: true,
  case_deescalate: true,
  case_escalate_area: true,
  sla_manage: true,
  config_manage: true,
  warning_ack: true,
  webhook_manage: true,
  steward_work: true,
  steward_plan: true,
  notice_draft: true,
  notice_publish: true,
  arrears_read: true,
  arrears_contact: true,
  arrears_import: true,
  arrears_legal: true,
  handover_write: true,
  knowledge_read: true,
  knowledge_manage: true,
  lead_read: true,
  lead_create: true,
  lead_progress: true,
  lead_dispatch: true,
  lead_decide: true,
  works_read: true,
  works_manage: true,
  works_visit: true,
};

export const ALL_PERMISSIONS = Object.keys(EVERY_PERMISSION) as User["permissions"];

export function tokens(n: number, user: User = aUser()): TokenResponse {
  return {
    access_token: `access-${n}`,
    // Browsers get the refresh token as an HttpOnly cookie, not in the body.
    refresh_token: null,
    token_type: "Bearer",
    expires_in: 900,
    user,
  };
}

export function aCase(overrides: Partial<CaseDetail> = {}): CaseDetail {
  return {
    id: "0192f0c4-0000-7000-8000-0000000000c1",
    number: "TS-20261125-0007",
    kind: "complaint",
    channel: "phone",
    severity: "normal",
    status: "registered",
    project_id: "0192f0c4-0000-7000-8000-0000000000p1",
    title: "楼上漏水",
    description: "卫生间天花板漏水",
    reported_at: "2026-11-25T08:00:00Z",
    dispatch_count: 0,
    dissatisfied_visits: 0,
    overdue: false,
    level: "project",
    peak_level: "project",
    paused: false,
    next_due_at: "2026-11-25T16:00:00Z",
    deadlines: {
      verify: { due_at: "2026-11-25T16:00:00Z", met: false, breached: false },
      dispatch: { due_at: "2026-11-26T08:00:00Z", met: false, breached: false },
      resolve: { due_at: null, met: false, breached: false },
      reply: { due_at: null, met: false, breached: false },
    },
    created_at: "2026-11-25T08:00:00Z",
    updated_at: "2026-11-25T08:00:00Z",
    version: 3,
    work_orders: [],
    visits: [],
    attachments: [],
    available_actions: ["verify", "dispatch", "cancel", "comment"],
    child_count: 0,
    children: [],
    may_link: false,
    may_unlink: false,
    ...overrides,
  };
}

export function aCustomer(overrides: Partial<CustomerDetail> = {}): CustomerDetail {
  return {
    id: "0192f0c4-0000-7000-8000-0000000000d1",
    name: "张三",
    phones: ["13800138000"],
    phones_masked: false,
    properties: [
      {
        property_id: "0192f0c4-0000-7000-8000-0000000000e1",
        project_id: "0192f0c4-0000-7000-8000-0000000000p1",
        relation: "owner",
        label: "3栋 1单元 502",
      },
    ],
    tags: [],
    notes: "",
    move_in_on: null,
    household_size: null,
    emergency_contact: null,
    version: 1,
    created_at: "2026-11-25T08:00:00Z",
    updated_at: "2026-11-25T08:00:00Z",
    recent_cases: [],
    repeat_complaint: false,
    ...overrides,
  };
}

export function aProject(overrides: Partial<Project> = {}): Project {
  return {
    id: "0192f0c4-0000-7000-8000-0000000000a1",
    name: "翠湖花园",
    code: "CHHY",
    address: "深圳市南山区翠湖路 88 号",
    version: 1,
    created_at: "2026-11-25T08:00:00Z",
    updated_at: "2026-11-25T08:00:00Z",
    ...overrides,
  };
}
