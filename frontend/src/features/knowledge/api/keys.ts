/** Query keys of the knowledge base. */
export const knowledgeKeys = {
  all: ["knowledge"] as const,
  list: (filter: object) => ["knowledge", "list", filter] as const,
  detail: (id: string) => ["knowledge", "detail", id] as const,
  suggestions: (title: string, categoryId: string | null) =>
    ["knowledge", "suggestions", title, categoryId] as const,
};
