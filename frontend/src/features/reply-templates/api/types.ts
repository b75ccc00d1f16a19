import type { components } from "@/api/schema";

export type ReplyTemplate = components["schemas"]["ReplyTemplateResponse"];
export type TemplateUse = components["schemas"]["TemplateUse"];
