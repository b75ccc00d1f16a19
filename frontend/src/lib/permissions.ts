import type { User } from "./auth";
import { useMe } from "./auth";

/**
 * A permission from the server's table (`crates/domain/src/permission.rs`). The console never
 * keeps its own copy of who may do what: `GET /api/v1/me` answers the caller's effective
 * permissions, and menus, dashboard cards, tabs and buttons are shown from that list. The server
 * still checks every request.
 */
export type Permission = User["permissions"][number];

/** Whether `user` holds `permission` (no user, no permission). */
export function can(user: Pick<User, "permissions"> | undefined, permission: Permission): boolean {
  return user?.permissions.includes(permission) ?? false;
}

/**
 * `can(permission)` for the signed-in user. The signed-in layout renders its pages only once
 * `/me` has loaded, so inside it the answer is final.
 */
export function useCan(): (permission: Permission) => boolean {
  const me = useMe();
  return (permission) => can(me.data, permission);
}
