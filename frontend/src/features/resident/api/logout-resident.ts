import { logoutOnServer } from "@/lib/api";
import { residentSession } from "@/lib/session";
import { clearResidentSession } from "./session";

/** Logs the resident out here at once and on the server in the background. */
export function logoutResident(): void {
  const had = residentSession.get() !== null;
  clearResidentSession();
  if (had) logoutOnServer(residentSession).catch(() => undefined);
}
