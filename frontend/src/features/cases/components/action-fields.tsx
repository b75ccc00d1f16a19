import type { CaseAction, CaseDetail } from "@/lib/types";
import type { ArticleSlot } from "./action-slots";
import { DispatchFields, ReassignFields } from "./assignment-fields";
import { CancelDecisionFields, CancelFields } from "./cancel-fields";
import { CommentFields, NoteField, WhyField } from "./note-fields";
import { CloseOnSpotFields, ReplyFields, ResolveFields, VisitFields } from "./outcome-fields";

/** The fields of one action's form. */
export function ActionFields({
  action,
  current,
  articles,
}: {
  action: CaseAction;
  current: CaseDetail;
  articles?: ArticleSlot;
}) {
  switch (action) {
    case "verify":
      return <NoteField required rows={3} />;
    case "dispatch":
      return <DispatchFields />;
    case "reassign":
      return <ReassignFields />;
    case "accept":
      return null;
    case "resolve":
      return <ResolveFields />;
    case "reply":
      return <ReplyFields />;
    case "visit":
      return <VisitFields />;
    case "close_on_spot":
      return <CloseOnSpotFields current={current} articles={articles} />;
    case "cancel":
      return <CancelFields current={current} />;
    case "pause":
    case "escalate":
    case "deescalate":
      return <WhyField />;
    case "resume":
      return <NoteField />;
    case "cancel_approve":
    case "cancel_reject":
      return <CancelDecisionFields current={current} />;
    case "comment":
      return <CommentFields />;
  }
}
