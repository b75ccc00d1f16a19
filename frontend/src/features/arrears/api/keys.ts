/** Query keys of the arrears feature (one factory, so invalidation matches what is cached). */
export const arrearsKeys = {
  all: ["arrears"] as const,
  list: (filters: object) => ["arrears", "list", filters] as const,
  areas: (projectId: string | null) => ["arrears", "areas", projectId] as const,
};
