import type { components } from "@/api/schema";

export type Works = components["schemas"]["WorksResponse"];
export type Stage = components["schemas"]["StageResponse"];
export type WorksVisit = components["schemas"]["WorksVisitResponse"];
export type StageVisitInput = components["schemas"]["RecordStageVisit"];
export type Satisfaction = components["schemas"]["Satisfaction"];
export type IssueKind = components["schemas"]["IssueKind"];
