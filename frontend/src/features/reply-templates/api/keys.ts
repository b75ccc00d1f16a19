/** Query keys of the standard replies. */
export const templateKeys = {
  all: ["reply-templates"] as const,
  list: (use: string | null) => ["reply-templates", use] as const,
};
