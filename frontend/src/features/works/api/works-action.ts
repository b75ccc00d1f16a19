import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api, unwrap } from "@/lib/api";
import { worksKeys } from "./keys";
import type { StageVisitInput, Works } from "./types";

type WorksAction =
  | { kind: "start"; stage: string }
  | { kind: "visit"; visit: StageVisitInput }
  | { kind: "archive"; warranty_card_issued: boolean; warranty_deposit: string | null };

/** Runs one action on works with `If-Match: "<version>"`; refreshes the works lists after. */
export function useWorksAction() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ works, action }: { works: Works; action: WorksAction }) => {
      const header = { "If-Match": `"${works.version}"` };
      switch (action.kind) {
        case "start":
          return unwrap(
            api.POST("/api/v1/works/{id}/stages/{stage}/start", {
              params: { path: { id: works.id, stage: action.stage }, header },
            }),
          );
        case "visit":
          return unwrap(
            api.POST("/api/v1/works/{id}/visits", {
              params: { path: { id: works.id }, header },
              body: action.visit,
            }),
          );
        case "archive":
          return unwrap(
            api.POST("/api/v1/works/{id}/archive", {
              params: { path: { id: works.id }, header },
              body: {
                warranty_card_issued: action.warranty_card_issued,
                warranty_deposit: action.warranty_deposit,
              },
            }),
          );
      }
    },
    onSuccess: () => client.invalidateQueries({ queryKey: worksKeys.all }),
  });
}
