import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback } from "react";
import type { paths } from "@/api/schema";
import { api, logoutOnServer, unwrap } from "./api";
import { clearSession, getSession, sessionFromTokens, setSession } from "./session";
import { referenceKeys } from "@/lib/query-keys";

export type LoginBody = paths["/api/v1/auth/login"]["post"]["requestBody"]["content"]["application/json"];
export type User = paths["/api/v1/me"]["get"]["responses"][200]["content"]["application/json"];
export type Role = User["role"];

export const meQueryOptions = () =>
  queryOptions({
    queryKey: referenceKeys.me,
    queryFn: ({ signal }) => unwrap(api.GET("/api/v1/me", { signal })),
    staleTime: 5 * 60 * 1000,
  });

/** The logged-in user (GET /api/v1/me). */
export function useMe() {
  return useQuery(meQueryOptions());
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: LoginBody) => {
      // The refresh token goes into an HttpOnly cookie; only the access token reaches script.
      const tokens = await unwrap(api.POST("/api/v1/auth/login", { body: { ...body, cookie: true } }));
      setSession(sessionFromTokens(tokens));
      return tokens;
    },
    onSuccess: () => {
      // The token answer names the user but not their permissions: the console asks /me, which
      // answers both (and forgets any previous user's).
      queryClient.removeQueries({ queryKey: meQueryOptions().queryKey });
    },
  });
}

/**
 * Returns `logout()`: forgets the session and the cached data here at once, and revokes the
 * refresh token on the server in the background (best effort: offline, the tokens expire anyway).
 * Navigate to /login in the same event handler, so no screen renders without its session.
 */
export function useLogout(): () => void {
  const queryClient = useQueryClient();
  return useCallback(() => {
    const session = getSession();
    clearSession();
    queryClient.clear();
    if (session) logoutOnServer().catch(() => undefined);
  }, [queryClient]);
}
