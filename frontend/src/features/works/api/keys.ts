/** Query keys of the decoration works. */
export const worksKeys = {
  all: ["works"] as const,
  list: ["works", "list"] as const,
  caseNumber: (id: string) => ["works", "case-number", id] as const,
};
