import {
  residentSession,
  sessionFromTokens,
  type TokenResponse,
  useStoreRestored,
  useStoreSession,
} from "@/lib/session";

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

/** The resident's access token, or null when logged out (or not yet restored). */
export function useResidentToken(): string | null {
  return useStoreSession(residentSession)?.accessToken ?? null;
}

/** Whether the page has tried to restore the resident's login from its cookie. */
export function useResidentRestored(): boolean {
  return useStoreRestored(residentSession);
}
