import createClient from "openapi-fetch";
import type { paths } from "@/api/schema";
import { createAuthMiddleware } from "@/lib/api";
import { residentSession } from "@/lib/session";
import { clearResidentSession } from "./session";

/** A client of its own: the staff client would send (and refresh) the staff token. */
export const residentApi = createClient<paths>({
  baseUrl: "",
  fetch: (request: Request) => globalThis.fetch(request),
});
residentApi.use(createAuthMiddleware(residentSession, clearResidentSession));
