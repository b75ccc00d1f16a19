import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import createClient from "openapi-fetch";
import type { components, paths } from "@/api/schema";
import { createAuthMiddleware, logoutOnServer, unwrap } from "@/lib/api";
import {
  residentSession,
  sessionFromTokens,
  type TokenResponse,
  useStoreRestored,
  useStoreSession,
} from "@/lib/session";
import { residentKeys } from "./keys";

export type ResidentCaseSummary = components["schemas"]["ResidentCaseSummary"];
export type ResidentCase = components["schemas"]["ResidentCaseResponse"];
export type ReportCase = components["schemas"]["ReportCase"];
export type Satisfaction = components["schemas"]["Satisfaction"];

/**
 * The resident's login: the same session and refresh implementation as the staff console
 * (access token in memory, refresh token in its own HttpOnly cookie), in a store of its own so
 * both can live in one browser.
 */
export function setResidentSession(tokens: TokenResponse): void {
  residentSession.set(sessionFromTokens(tokens));
}

export function clearResidentSession(): void {
  residentSession.clear();
}

/** Logs the resident out here at once and on the server in the background. */
export function logoutResident(): void {
  const had = residentSession.get() !== null;
  clearResidentSession();
  if (had) logoutOnServer(residentSession).catch(() => undefined);
}

/** The resident's access token, or null when logged out (or not yet restored). */
export function useResidentToken(): string | null {
  return useStoreSession(residentSession)?.accessToken ?? null;
}

/** Whether the page has tried to restore the resident's login from its cookie. */
export function useResidentRestored(): boolean {
  return useStoreRestored(residentSession);
}

/** A client of its own: the staff client would send (and refresh) the staff token. */
export const residentApi = createClient<paths>({
  baseUrl: "",
  fetch: (request: Request) => globalThis.fetch(request),
});
residentApi.use(createAuthMiddleware(residentSession, clearResidentSession));

export function useResidentLogin() {
  return useMutation({
    mutationFn: async (body: { phone: string; password: string }) => {
      const tokens = await unwrap(
        residentApi.POST("/api/v1/auth/login", {
          body: { username: body.phone, password: body.password, cookie: true },
        }),
      );
      setResidentSession(tokens);
      return tokens;
    },
  });
}

export function useResidentCases() {
  return useQuery({
    queryKey: residentKeys.cases,
    queryFn: () => unwrap(residentApi.GET("/api/v1/resident/cases", {})),
  });
}

export function useResidentCase(id: string) {
  return useQuery({
    queryKey: residentKeys.case(id),
    queryFn: () => unwrap(residentApi.GET("/api/v1/resident/cases/{id}", { params: { path: { id } } })),
  });
}

export function useResidentCategories() {
  return useQuery({
    queryKey: residentKeys.categories,
    queryFn: () => unwrap(residentApi.GET("/api/v1/resident/categories", {})),
  });
}

export function useResidentProperties() {
  return useQuery({
    queryKey: residentKeys.properties,
    queryFn: () => unwrap(residentApi.GET("/api/v1/resident/properties", {})),
  });
}

export function useReportCase() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ body, key, photo }: { body: ReportCase; key: string; photo: File | null }) => {
      const created = await unwrap(
        residentApi.POST("/api/v1/resident/cases", { params: { header: { "Idempotency-Key": key } }, body }),
      );
      if (photo) {
        await unwrap(
          residentApi.POST("/api/v1/resident/cases/{id}/attachments", {
            params: { path: { id: created.id } },
            // openapi-fetch sends FormData as is; the generated type describes the part names.
            body: { file: "" },
            bodySerializer: () => {
              const form = new FormData();
              form.append("file", photo);
              return form;
            },
          }),
        );
      }
      return created;
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: residentKeys.all }),
  });
}

export function useRateCase(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { satisfaction: Satisfaction; comment: string | null }) =>
      unwrap(
        residentApi.POST("/api/v1/resident/cases/{id}/rating", {
          params: { path: { id }, header: { "Idempotency-Key": crypto.randomUUID() } },
          body,
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: residentKeys.all }),
  });
}

export function useWithdrawCase(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () =>
      unwrap(
        residentApi.POST("/api/v1/resident/cases/{id}/withdraw", { params: { path: { id } }, body: {} }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: residentKeys.all }),
  });
}

/** Published notices of the resident's estate and buildings, newest first. */
export function useResidentNotices() {
  return useQuery({
    queryKey: residentKeys.notices,
    queryFn: () => unwrap(residentApi.GET("/api/v1/resident/notices", { params: { query: { limit: 20 } } })),
  });
}

/** For each of the resident's properties: its area and the steward's name and work phone. */
export function useResidentSteward() {
  return useQuery({
    queryKey: residentKeys.steward,
    queryFn: () => unwrap(residentApi.GET("/api/v1/resident/steward", {})),
  });
}
