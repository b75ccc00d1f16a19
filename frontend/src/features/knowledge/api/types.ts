import type { components } from "@/api/schema";

export type ArticleSummary = components["schemas"]["ArticleSummary"];
export type Article = components["schemas"]["ArticleResponse"];
export type ArticleStatus = components["schemas"]["ArticleStatus"];
