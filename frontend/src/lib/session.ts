import { useSyncExternalStore } from "react";
import type { paths } from "@/api/schema";

/** What the login and refresh endpoints answer (generated from the OpenAPI document). */
export type TokenResponse =
  paths["/api/v1/auth/login"]["post"]["responses"][200]["content"]["application/json"];

/**
 * A login in this page. The access token lives in memory only; the refresh token is an
 * `HttpOnly` cookie the server sets for `/api/v1/auth` (script cannot read it, so an injected
 * script cannot steal a 30-day login). A new page or tab restores its access token by one
 * refresh with that cookie.
 */
export interface Session {
  accessToken: string;
  /** Epoch milliseconds when the access token expires (informational; the server decides). */
  expiresAt: number;
}

/** Whose login: the staff console's or the residents' app's (each has its own cookie). */
export type SessionKind = "staff" | "resident";

type Listener = () => void;

/** One kind of session: the in-memory token and whether the page has tried to restore it. */
export interface SessionStore {
  readonly kind: SessionKind;
  get: () => Session | null;
  set: (session: Session) => void;
  clear: () => void;
  /** True once the page asked the server for a session (or has one). */
  restored: () => boolean;
  markRestored: () => void;
  /** Back to a fresh page: no session, not restored (tests). */
  reset: () => void;
  subscribe: (listener: Listener) => () => void;
}

/**
 * A marker (no secret) that this browser has a login of `kind`, so a new page asks the server
 * to restore it only then (and not with a request bound to fail on every first visit).
 */
function markerKey(kind: SessionKind): string {
  return `huiyin.${kind}.logged-in`;
}

function writeMarker(kind: SessionKind, present: boolean): void {
  try {
    if (present) window.localStorage.setItem(markerKey(kind), "1");
    else window.localStorage.removeItem(markerKey(kind));
  } catch {
    // Without storage a reload shows the login page.
  }
}

/** Whether this browser had a login of `kind` when last seen. */
export function hadLogin(kind: SessionKind): boolean {
  try {
    return window.localStorage.getItem(markerKey(kind)) === "1";
  } catch {
    return false;
  }
}

export function createSessionStore(kind: SessionKind): SessionStore {
  let session: Session | null = null;
  let restored = false;
  const listeners = new Set<Listener>();
  const notify = () => {
    for (const listener of listeners) listener();
  };
  return {
    kind,
    get: () => session,
    set: (next) => {
      session = next;
      restored = true;
      writeMarker(kind, true);
      notify();
    },
    clear: () => {
      session = null;
      writeMarker(kind, false);
      notify();
    },
    restored: () => restored,
    markRestored: () => {
      restored = true;
      notify();
    },
    reset: () => {
      session = null;
      restored = false;
      notify();
    },
    subscribe: (listener) => {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
}

/** The staff console's session. */
export const staffSession = createSessionStore("staff");
/** The residents' app's session (both can be logged in in one browser). */
export const residentSession = createSessionStore("resident");

export function getSession(): Session | null {
  return staffSession.get();
}

export function setSession(session: Session): void {
  staffSession.set(session);
}

export function clearSession(): void {
  staffSession.clear();
}

export function sessionFromTokens(tokens: TokenResponse, now = Date.now()): Session {
  return { accessToken: tokens.access_token, expiresAt: now + tokens.expires_in * 1000 };
}

export function subscribeSession(listener: Listener): () => void {
  return staffSession.subscribe(listener);
}

/** A store's session; re-renders on login, logout and refresh. */
export function useStoreSession(store: SessionStore): Session | null {
  return useSyncExternalStore(store.subscribe, store.get, () => null);
}

/** Whether the store has tried to restore its session after the page loaded. */
export function useStoreRestored(store: SessionStore): boolean {
  return useSyncExternalStore(store.subscribe, store.restored, () => false);
}

/** The current staff session; re-renders on login, logout and refresh. */
export function useSession(): Session | null {
  return useStoreSession(staffSession);
}
