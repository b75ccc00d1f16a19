import createClient, { type Middleware } from "openapi-fetch";
import type { paths } from "@/api/schema";
import { ApiError } from "./problem";
import {
  clearSession,
  hadLogin,
  type SessionKind,
  type SessionStore,
  sessionFromTokens,
  staffSession,
} from "./session";

/** Endpoints that must never carry the access token nor trigger a refresh. */
const AUTH_PATHS: ReadonlySet<string> = new Set([
  "/api/v1/auth/login",
  "/api/v1/auth/refresh",
  "/api/v1/auth/logout",
]);

// Call the global fetch at request time (not the one present at import), so that tests
// can stub it and so that a later polyfill is honoured.
const fetchNow = (request: Request) => globalThis.fetch(request);

/** A client without the auth middleware, for the refresh call itself. */
const bareClient = createClient<paths>({ baseUrl: "", fetch: fetchNow });

// ---------------------------------------------------------------------------
// What happens when the session cannot be renewed

type LogoutHandler = (next: string) => void;

/** `/login?next=…` for coming back to `next` after logging in. */
export function loginPath(next?: string): string {
  if (!next || next === "/" || next.startsWith("/login")) return "/login";
  return `/login?next=${encodeURIComponent(next)}`;
}

let logoutHandler: LogoutHandler = (next) => {
  window.location.assign(loginPath(next));
};

/** Lets the app navigate in-place (and drop its caches) when the session ends. */
export function setLogoutHandler(handler: LogoutHandler): () => void {
  const previous = logoutHandler;
  logoutHandler = handler;
  return () => {
    logoutHandler = previous;
  };
}

/** Forgets the session and sends the user to the login page, remembering where they were. */
export function expireSession(): void {
  clearSession();
  const { pathname, search, hash } = window.location;
  logoutHandler(`${pathname}${search}${hash}`);
}

// ---------------------------------------------------------------------------
// Refresh

/** Thrown when the refresh call failed for a reason other than a refused token. */
class RefreshUnavailable extends Error {}

const refreshInFlight = new Map<SessionKind, Promise<string | null>>();

/**
 * Asks for new tokens with the refresh cookie. `X-Requested-With` names the session (the
 * server picks the staff or the residents' cookie by it) and is what a cross-site request
 * cannot send: the server refuses a cookie refresh without it.
 */
async function requestNewTokens(store: SessionStore): Promise<string | null> {
  const { data, error, response } = await bareClient.POST("/api/v1/auth/refresh", {
    body: {},
    headers: { "X-Requested-With": store.kind },
    credentials: "same-origin",
  });
  if (data) {
    store.set(sessionFromTokens(data));
    return data.access_token;
  }
  // The server refused the token (spent, expired, revoked, none): the session is over.
  if (response.status >= 400 && response.status < 500 && response.status !== 429) return null;
  // Rate limited or a server error: keep the session, fail this request.
  throw new RefreshUnavailable(ApiError.from(error, response).message);
}

async function refreshOnce(store: SessionStore, usedAccessToken: string | null): Promise<string | null> {
  const current = store.get();
  // Another request already renewed the token this one was sent with.
  if (current && current.accessToken !== usedAccessToken) return current.accessToken;
  return requestNewTokens(store);
}

/**
 * Exchanges the refresh cookie for new tokens, at most once at a time per session kind:
 * refresh tokens rotate, and presenting a spent one revokes the whole family, so concurrent
 * 401s (in this tab, or in other tabs through the Web Locks API where the browser has it)
 * share a single refresh. Resolves to the new access token, or null when the session cannot be
 * renewed. `usedAccessToken` is the token a failed request carried (null: none yet).
 */
export function refreshAccessToken(
  usedAccessToken: string | null,
  store: SessionStore = staffSession,
): Promise<string | null> {
  const pending = refreshInFlight.get(store.kind);
  if (pending) return pending;
  const locks = typeof navigator !== "undefined" ? navigator.locks : undefined;
  const run = locks
    ? // TypeScript's lib types this as a promise of a promise; the browser awaits the callback.
      locks
        .request(`huiyin.session.refresh.${store.kind}`, () => refreshOnce(store, usedAccessToken))
        .then((t) => t)
    : refreshOnce(store, usedAccessToken);
  const shared = run.finally(() => {
    refreshInFlight.delete(store.kind);
  });
  refreshInFlight.set(store.kind, shared);
  return shared;
}

/**
 * After a page load: gets an access token with the refresh cookie, if the browser has one.
 * Marks the store restored either way (screens wait for that before deciding "logged out").
 */
export async function restoreSession(store: SessionStore = staffSession): Promise<void> {
  if (store.restored()) return;
  if (!hadLogin(store.kind)) {
    store.markRestored();
    return;
  }
  try {
    // Refused: the login ended meanwhile; forget that there was one.
    if ((await refreshAccessToken(null, store)) === null) store.clear();
  } catch {
    // Offline or a server error: show the login page; logging in works once it answers.
  } finally {
    store.markRestored();
  }
}

/** Ends the login on the server (the cookie's token family, and its access tokens). */
export async function logoutOnServer(store: SessionStore = staffSession): Promise<void> {
  await bareClient.POST("/api/v1/auth/logout", {
    body: {},
    headers: { "X-Requested-With": store.kind },
    credentials: "same-origin",
  });
}

// ---------------------------------------------------------------------------
// Middleware

interface Sent {
  /** An unread copy of the request, to send again after a refresh. */
  copy: Request;
  /** The access token the request carried, or null when there was no session. */
  token: string | null;
}

/**
 * Adds `Authorization: Bearer <access>` from `store`; on a 401 renews the tokens once, retries
 * the request once with the new token, and calls `onExpired` when renewal or the retry fails.
 * The staff console and the residents' app use the same middleware with their own store.
 */
export function createAuthMiddleware(store: SessionStore, onExpired: () => void): Middleware {
  const sent = new Map<string, Sent>();
  return {
    onRequest({ request, schemaPath, id }) {
      if (AUTH_PATHS.has(schemaPath)) return undefined;
      const token = store.get()?.accessToken ?? null;
      if (token) request.headers.set("Authorization", `Bearer ${token}`);
      sent.set(id, { copy: request.clone(), token });
      return undefined;
    },

    async onResponse({ response, id, options }) {
      const entry = sent.get(id);
      sent.delete(id);
      if (!entry || response.status !== 401) return undefined;

      const token = entry.token === null ? null : await refreshAccessToken(entry.token, store);
      if (token === null) {
        onExpired();
        return undefined;
      }
      entry.copy.headers.set("Authorization", `Bearer ${token}`);
      const retried = await options.fetch(entry.copy);
      if (retried.status === 401) onExpired();
      return retried;
    },

    onError({ id }) {
      sent.delete(id);
      return undefined;
    },
  };
}

/** The staff console's middleware: an ended session goes to the login page. */
export const authMiddleware: Middleware = createAuthMiddleware(staffSession, () => {
  expireSession();
});

/** The typed API client. Paths, bodies and answers come from src/api/schema.d.ts. */
export const api = createClient<paths>({ baseUrl: "", fetch: fetchNow });
api.use(authMiddleware);

/**
 * Awaits an openapi-fetch call and returns its data, or throws an ApiError
 * (for React Query, whose queryFn and mutationFn must throw on failure).
 */
export async function unwrap<T>(
  call: Promise<{ data?: T; error?: unknown; response: Response }>,
): Promise<T> {
  const { data, error, response } = await call;
  if (!response.ok) throw ApiError.from(error, response);
  return data as T;
}
