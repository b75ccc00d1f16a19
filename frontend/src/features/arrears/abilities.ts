import { can, type Permission } from "@/lib/permissions";

/**
 * What the console offers for arrears, from the user's effective permissions
 * (`GET /api/v1/me`); the server decides again on every request.
 */
export const arrearsAbilities = (permissions: readonly Permission[]) => {
  const user = { permissions: [...permissions] };
  return {
    contact: can(user, "arrears_contact"),
    import: can(user, "arrears_import"),
    legal: can(user, "arrears_legal"),
  };
};

export type ArrearsAbilities = ReturnType<typeof arrearsAbilities>;
