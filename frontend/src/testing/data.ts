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
 * permissions they need explicitly: the console keeps no copy of the server's table.
 */
export const ALL_PERMISSIONS: User["permissions"] = [
  "org_read",
  "org_manage",
  "user_manage",
  "category_read",
  "category_manage",
  "customer_read",
  "customer_manage",
  "pii_view",
  "audit_read",
  "case_create",
  "case_read",
  "case_verify",
  "case_dispatch",
  "case_handle",
  "case_reply",
  "case_close_on_spot",
  "case_cancel",
  "case_reassign",
  "case_comment",
  "stats_read",
  "case_export",
  "api_key_manage",
  "job_manage",
  "case_pause",
  "case_escalate",
  "case_deescalate",
  "sla_manage",
  "warning_ack",
  "webhook_manage",
  "steward_work",
  "steward_plan",
  "notice_draft",
  "notice_publish",
  "knowledge_read",
  "knowledge_manage",
];

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
