import type { IssueKind, Satisfaction, Works } from "../api/types";

export const SATISFACTIONS: readonly Satisfaction[] = [
  "very_satisfied",
  "satisfied",
  "dissatisfied",
  "very_dissatisfied",
];
export const ISSUE_KINDS: readonly IssueKind[] = ["engineering", "inspector", "designer", "repair"];

/** The stages a visit may be recorded for now: started and not yet visited, or aftercare. */
export function visitableStages(works: Works): string[] {
  const stages = works.stages.filter((s) => s.status === "started").map((s) => s.name);
  return works.status === "completed" ? [...stages, "aftercare"] : stages;
}
