import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { components } from "@/api/schema";
import { api, unwrap } from "@/lib/api";
import { worksKeys } from "./keys";

export type Works = components["schemas"]["WorksResponse"];
export type Stage = components["schemas"]["StageResponse"];
export type WorksVisit = components["schemas"]["WorksVisitResponse"];
export type StageVisitInput = components["schemas"]["RecordStageVisit"];
export type Satisfaction = components["schemas"]["Satisfaction"];
export type IssueKind = components["schemas"]["IssueKind"];

export const worksListQuery = () =>
  queryOptions({
    queryKey: worksKeys.list,
    queryFn: ({ signal }) => unwrap(api.GET("/api/v1/works", { params: { query: { limit: 200 } }, signal })),
  });

export const useWorksList = () => useQuery(worksListQuery());

/** The number of a case linked to the works (for its link); `null` while unknown or not visible. */
export const useCaseNumber = (id: string) =>
  useQuery({
    queryKey: worksKeys.caseNumber(id),
    queryFn: ({ signal }) => unwrap(api.GET("/api/v1/cases/{id}", { params: { path: { id } }, signal })),
    select: (c) => c.number,
    retry: false,
  });

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
