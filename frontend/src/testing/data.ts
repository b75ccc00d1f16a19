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
    ...overrides,
  };
}

export function tokens(n: number, user: User = aUser()): TokenResponse {
  return {
    access_token: `access-${n}`,
    refresh_token: `refresh-${n}`,
    token_type: "Bearer",
    expires_in: 900,
    user,
  };
}
