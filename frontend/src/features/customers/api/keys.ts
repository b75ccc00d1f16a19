/** Query keys of the customers feature. */
export const customerKeys = {
  all: ["customers"] as const,
  list: (q: string) => ["customers", "list", q] as const,
  detail: (id: string) => ["customers", "detail", id] as const,
  propertyOptions: (q: string) => ["customers", "properties", q] as const,
};
