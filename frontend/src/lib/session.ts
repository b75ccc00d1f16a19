import { useSyncExternalStore } from "react";
import type { paths } from "@/api/schema";

/** What the login and refresh endpoints answer (generated from the OpenAPI document). */
export type TokenResponse =
  paths["/api/v1/auth/login"]["post"]["responses"][200]["content"]["application/json"];

/** The tokens kept in this browser between page loads. */
export interface Session {
  accessToken: string;
  refreshToken: string;
  /** Epoch milliseconds when the access token expires (informational; the server decides). */
  expiresAt: number;
}

export const SESSION_STORAGE_KEY = "huiyin.session";

type Listener = () => void;
const listeners = new Set<Listener>();

let cachedRaw: string | null = null;
let cachedSession: Session | null = null;

function parse(raw: string | null): Session | null {
  if (!raw) return null;
  try {
    const value: unknown = JSON.parse(raw);
    if (
      value !== null &&
      typeof value === "object" &&
      "accessToken" in value &&
      "refreshToken" in value &&
      typeof value.accessToken === "string" &&
      typeof value.refreshToken === "string"
    ) {
      const expiresAt = "expiresAt" in value && typeof value.expiresAt === "number" ? value.expiresAt : 0;
      return { accessToken: value.accessToken, refreshToken: value.refreshToken, expiresAt };
    }
  } catch {
    // A corrupt entry counts as no session.
  }
  return null;
}

function readRaw(): string | null {
  try {
    return window.localStorage.getItem(SESSION_STORAGE_KEY);
  } catch {
    return null;
  }
}

/**
 * The stored session, read from localStorage every time so that a token refreshed
 * in another tab is seen at once. The parsed object is cached per raw value, so the
 * same stored session always yields the same object (needed by useSyncExternalStore).
 */
export function getSession(): Session | null {
  const raw = readRaw();
  if (raw !== cachedRaw) {
    cachedRaw = raw;
    cachedSession = parse(raw);
  }
  return cachedSession;
}

function notify(): void {
  for (const listener of listeners) listener();
}

export function setSession(session: Session): void {
  try {
    window.localStorage.setItem(SESSION_STORAGE_KEY, JSON.stringify(session));
  } catch {
    // Without storage the session cannot survive; the user will have to log in again.
  }
  notify();
}

export function clearSession(): void {
  try {
    window.localStorage.removeItem(SESSION_STORAGE_KEY);
  } catch {
    // Nothing stored, nothing to remove.
  }
  notify();
}

export function sessionFromTokens(tokens: TokenResponse, now = Date.now()): Session {
  return {
    accessToken: tokens.access_token,
    refreshToken: tokens.refresh_token,
    expiresAt: now + tokens.expires_in * 1000,
  };
}

export function subscribeSession(listener: Listener): () => void {
  listeners.add(listener);
  const onStorage = (event: StorageEvent) => {
    if (event.key === null || event.key === SESSION_STORAGE_KEY) listener();
  };
  window.addEventListener("storage", onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener("storage", onStorage);
  };
}

/** The current session; re-renders on login, logout, refresh and changes from other tabs. */
export function useSession(): Session | null {
  return useSyncExternalStore(subscribeSession, getSession, () => null);
}
