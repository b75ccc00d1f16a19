/** Query keys of the residents' app (all under one root: the resident's changes refresh them all). */
export const residentKeys = {
  all: ["resident"] as const,
  cases: ["resident", "cases"] as const,
  case: (id: string) => ["resident", "case", id] as const,
  categories: ["resident", "categories"] as const,
  properties: ["resident", "properties"] as const,
  notices: ["resident", "notices"] as const,
  steward: ["resident", "steward"] as const,
};
