import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import createClient, { type Middleware } from "openapi-fetch";
import { useSyncExternalStore } from "react";
import type { components, paths } from "@/api/schema";
import { unwrap } from "@/lib/api";

/** The resident's tokens, kept apart from the staff session so both can live in one browser. */
export const RESIDENT_SESSION_KEY = "huiyin.resident-session";

export type ResidentCaseSummary = components["schemas"]["ResidentCaseSummary"];
export type ResidentCase = components["schemas"]["ResidentCaseResponse"];
export type ReportCase = components["schemas"]["ReportCase"];
export type Satisfaction = components["schemas"]["Satisfaction"];

const listeners = new Set<() => void>();

function readToken(): string | null {
  try {
    const raw = window.localStorage.getItem(RESIDENT_SESSION_KEY);
    if (!raw) return null;
    const value: unknown = JSON.parse(raw);
    if (
      value !== null &&
      typeof value === "object" &&
      "accessToken" in value &&
      typeof value.accessToken === "string"
    ) {
      return value.accessToken;
    }
  } catch {
    // A corrupt entry counts as no session.
  }
  return null;
}

function notify() {
  for (const listener of listeners) listener();
}

export function setResidentSession(accessToken: string, refreshToken: string): void {
  try {
    window.localStorage.setItem(RESIDENT_SESSION_KEY, JSON.stringify({ accessToken, refreshToken }));
  } catch {
    // Without storage the resident has to log in again next time.
  }
  notify();
}

export function clearResidentSession(): void {
  try {
    window.localStorage.removeItem(RESIDENT_SESSION_KEY);
  } catch {
    // Nothing stored.
  }
  notify();
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The resident's access token, or null when logged out. */
export function useResidentToken(): string | null {
  return useSyncExternalStore(subscribe, readToken, () => null);
}

const residentAuth: Middleware = {
  onRequest({ request, schemaPath }) {
    if (schemaPath === "/api/v1/auth/login") return undefined;
    const token = readToken();
    if (token) request.headers.set("Authorization", `Bearer ${token}`);
    return undefined;
  },
  onResponse({ response, schemaPath }) {
    if (response.status === 401 && schemaPath !== "/api/v1/auth/login") clearResidentSession();
    return undefined;
  },
};

/** A client of its own: the staff client would send (and refresh) the staff token. */
export const residentApi = createClient<paths>({
  baseUrl: "",
  fetch: (request: Request) => globalThis.fetch(request),
});
residentApi.use(residentAuth);

export function useResidentLogin() {
  return useMutation({
    mutationFn: async (body: { phone: string; password: string }) => {
      const tokens = await unwrap(
        residentApi.POST("/api/v1/auth/login", { body: { username: body.phone, password: body.password } }),
      );
      setResidentSession(tokens.access_token, tokens.refresh_token);
      return tokens;
    },
  });
}

export function useResidentCases() {
  return useQuery({
    queryKey: ["resident", "cases"],
    queryFn: () => unwrap(residentApi.GET("/api/v1/resident/cases", {})),
  });
}

export function useResidentCase(id: string) {
  return useQuery({
    queryKey: ["resident", "case", id],
    queryFn: () => unwrap(residentApi.GET("/api/v1/resident/cases/{id}", { params: { path: { id } } })),
  });
}

export function useResidentCategories() {
  return useQuery({
    queryKey: ["resident", "categories"],
    queryFn: () => unwrap(residentApi.GET("/api/v1/resident/categories", {})),
  });
}

export function useResidentProperties() {
  return useQuery({
    queryKey: ["resident", "properties"],
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
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["resident"] }),
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
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["resident"] }),
  });
}

export function useWithdrawCase(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () =>
      unwrap(
        residentApi.POST("/api/v1/resident/cases/{id}/withdraw", { params: { path: { id } }, body: {} }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["resident"] }),
  });
}

/** Published notices of the resident's estate and buildings, newest first. */
export function useResidentNotices() {
  return useQuery({
    queryKey: ["resident", "notices"],
    queryFn: () => unwrap(residentApi.GET("/api/v1/resident/notices", { params: { query: { limit: 20 } } })),
  });
}

/** For each of the resident's properties: its area and the steward's name and work phone. */
export function useResidentSteward() {
  return useQuery({
    queryKey: ["resident", "steward"],
    queryFn: () => unwrap(residentApi.GET("/api/v1/resident/steward", {})),
  });
}
