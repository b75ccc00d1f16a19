import { type ReactNode, useEffect } from "react";
import { Navigate, useLocation } from "react-router-dom";
import { loginPath, restoreSession } from "@/lib/api";
import { staffSession, useSession, useStoreRestored } from "@/lib/session";
import { PageLoading } from "./page-loading";

/**
 * Renders its children only with a session; otherwise goes to /login?next=<this page>. After a
 * page load it first restores the session from the refresh cookie (the access token lives in
 * memory only), showing a spinner meanwhile.
 */
export function RequireAuth({ children }: { children: ReactNode }) {
  const session = useSession();
  const restored = useStoreRestored(staffSession);
  const location = useLocation();
  useEffect(() => {
    if (!restored) void restoreSession(staffSession);
  }, [restored]);
  if (!session && !restored) return <PageLoading fullScreen />;
  if (!session) {
    return <Navigate to={loginPath(`${location.pathname}${location.search}${location.hash}`)} replace />;
  }
  return children;
}
