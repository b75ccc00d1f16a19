/**
 * The `?next=` target to go to after logging in, when it is a path on this site;
 * anything else (absolute or protocol-relative URLs, the login page itself) gives `fallback`.
 */
export function safeNext(next: string | null, fallback = "/"): string {
  if (!next || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")) return fallback;
  if (next === "/login" || next.startsWith("/login?") || next.startsWith("/login/")) return fallback;
  return next;
}
