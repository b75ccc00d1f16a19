import { type QueryKey, useQueryClient } from "@tanstack/react-query";
import type { paths } from "@/api/schema";

/** The JSON request body of an operation, from the generated schema. */
export type Json<P extends keyof paths, M extends "post" | "patch"> = paths[P][M] extends {
  requestBody?: { content: { "application/json": infer B } };
}
  ? B
  : never;

/** What every edit sends: the record, the version it was read at (for If-Match) and the changes. */
export interface Patch<B> {
  id: string;
  version: number;
  body: B;
}

/** The If-Match header for a row read at `version`. */
export const ifMatch = (version: number) => ({ "If-Match": `"${version}"` });

/** Refetches the lists under these query keys (after a change). */
export function useInvalidate(...keys: QueryKey[]) {
  const queryClient = useQueryClient();
  return () => Promise.all(keys.map((queryKey) => queryClient.invalidateQueries({ queryKey })));
}
