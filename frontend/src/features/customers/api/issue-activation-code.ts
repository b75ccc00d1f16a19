import type { components } from "@/api/schema";
import { api, unwrap } from "@/lib/api";

export type IssuedActivationCode = components["schemas"]["ActivationCodeResponse"];

/** Issues (or replaces) the customer's resident-app activation code; the answer carries it once. */
export const issueActivationCode = (customerId: string) =>
  unwrap(api.POST("/api/v1/customers/{id}/account", { params: { path: { id: customerId } }, body: {} }));
