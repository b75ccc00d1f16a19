import type { LeadStatus, LossKind, LossReason } from "../api/types";

/** The reasons each kind of lost lead (跑单) may give, as the server checks them. */
export const LOSS_REASONS: Record<LossKind, readonly LossReason[]> = {
  invalid: ["false_data", "not_decorating", "budget_too_low", "other"],
  failed_signing: ["price", "service", "technical", "competition", "customer", "other"],
};

/**
 * The only kind a lead in `status` may be lost as: `invalid` before the measurement visit,
 * `failed_signing` from it on; `null` when it cannot be reported lost at all.
 */
export function lossKindFor(status: LeadStatus): LossKind | null {
  switch (status) {
    case "new":
    case "dispatched":
      return "invalid";
    case "measured":
    case "proposal":
    case "signed":
      return "failed_signing";
    default:
      return null;
  }
}
