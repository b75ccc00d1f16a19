import type { Dayjs } from "dayjs";
import type { CaseAction, Satisfaction } from "@/lib/types";
import type { ActionRequest } from "../api/case-action";

/** Every field any action form has; each action reads its own. */
export interface ActionValues {
  note?: string;
  department_id?: string;
  assignee_id?: string;
  due_at?: Dayjs;
  result?: string;
  charge_amount?: number;
  materials?: string;
  content?: string;
  method?: "phone" | "sms" | "in_person" | "letter" | "wechat" | "email" | "app" | "other";
  reached?: boolean;
  satisfaction?: Satisfaction;
  comment?: string;
  answer?: string;
  article_id?: string;
  reason?: "duplicate" | "invalid" | "withdrawn";
  duplicate_of?: string;
  body?: string;
  visibility?: "internal" | "public";
  why?: string;
}

const orNull = (value: string | undefined) => (value && value.trim() !== "" ? value : null);

/** The request an action's form values make. */
export function toRequest(action: CaseAction, v: ActionValues): ActionRequest {
  switch (action) {
    case "verify":
      return { action, body: { note: v.note ?? "" } };
    case "dispatch":
      return {
        action,
        body: {
          department_id: v.department_id ?? "",
          assignee_id: v.assignee_id ?? null,
          due_at: v.due_at ? v.due_at.toISOString() : null,
          note: orNull(v.note),
        },
      };
    case "accept":
      return { action, body: null };
    case "resolve":
      return {
        action,
        body: {
          result: v.result ?? "",
          charge_amount: v.charge_amount ?? null,
          materials: orNull(v.materials),
        },
      };
    case "reply":
      return { action, body: { content: v.content ?? "", method: v.method ?? "phone" } };
    case "visit":
      return {
        action,
        body: {
          reached: v.reached ?? true,
          satisfaction: v.reached === false ? null : (v.satisfaction ?? null),
          comment: orNull(v.comment),
        },
      };
    case "close_on_spot":
      return { action, body: { answer: v.answer ?? "", article_id: v.article_id ?? null } };
    case "cancel":
      return {
        action,
        body: { reason: v.reason ?? "invalid", duplicate_of: orNull(v.duplicate_of), note: orNull(v.note) },
      };
    case "comment":
      return { action, body: { body: v.body ?? "", visibility: v.visibility ?? "internal" } };
    case "reassign":
      return {
        action,
        body: {
          department_id: v.department_id ?? null,
          assignee_id: v.assignee_id ?? null,
          note: orNull(v.note),
        },
      };
    case "pause":
    case "escalate":
    case "deescalate":
      return { action, body: { reason: v.why ?? "" } };
    case "resume":
    case "cancel_approve":
    case "cancel_reject":
      return { action, body: { note: orNull(v.note) } };
    case "redispatch":
      // Never a button: a 48 h check recorded as "not done" on the visit worklist does it.
      throw new Error("redispatch is recorded on the visit worklist");
  }
}
