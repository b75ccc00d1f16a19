import type { Role } from "@/lib/auth";

/** What the console offers each role for arrears (the server decides and answers 403). */
export const arrearsAbilities = (role: Role) => ({
  contact: ["admin", "manager", "supervisor", "steward"].includes(role),
  import: ["admin", "manager", "supervisor"].includes(role),
  legal: ["admin", "manager"].includes(role),
});
