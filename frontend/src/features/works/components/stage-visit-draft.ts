import type { Satisfaction, StageVisitInput } from "../api/types";
import type { Issue } from "./issues-editor";

/** A stage visit as the form holds it. */
export interface StageVisitDraft {
  stage: string | undefined;
  satisfaction: Satisfaction | undefined;
  inspector: boolean;
  briefing: boolean;
  designer: Satisfaction | undefined;
  note: string;
  issues: Issue[];
}

/** Whether the draft can be sent: a stage, a satisfaction and every issue described. */
export function isReady(draft: StageVisitDraft): boolean {
  return (
    draft.stage !== undefined &&
    draft.satisfaction !== undefined &&
    draft.issues.every((i) => i.description.trim())
  );
}

/** The visit to send (briefing only at material arrival, designer satisfaction only at completion). */
export function toVisit({
  stage,
  satisfaction,
  inspector,
  briefing,
  designer,
  note,
  issues,
}: StageVisitDraft): StageVisitInput | null {
  if (!stage || !satisfaction) return null;
  return {
    stage,
    satisfaction,
    inspector_present: inspector,
    briefing_clear: stage === "material_arrival" ? briefing : null,
    designer_satisfaction: stage === "completion" ? (designer ?? null) : null,
    note: note.trim() || null,
    issues: issues.map((i) => ({ kind: i.kind, description: i.description.trim() })),
  };
}
