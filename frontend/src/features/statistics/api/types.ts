import type { components } from "@/api/schema";

export type Funnel = components["schemas"]["Funnel"];
export type Satisfactions = components["schemas"]["Satisfactions"];
export type SourceFunnel = components["schemas"]["SourceFunnel"];
export type SizeFunnel = components["schemas"]["SizeFunnel"];
