import type { components } from "@/api/schema";

export type Area = components["schemas"]["AreaResponse"];
export type Coverage = components["schemas"]["CoverageResponse"];
export type WorkItem = components["schemas"]["WorkItemResponse"];
export type PatrolRoute = components["schemas"]["RouteResponse"];
export type Patrol = components["schemas"]["PatrolResponse"];
export type PatrolResult = components["schemas"]["PatrolResultResponse"];
