import { queryOptions, useQuery } from "@tanstack/react-query";
import type { components } from "@/api/schema";
import { api, unwrap } from "@/lib/api";
import { leadKeys } from "./keys";

export type EligibleDesigner = components["schemas"]["EligibleDesignerResponse"];

export const eligibleQuery = (id: string, allLevels: boolean) =>
  queryOptions({
    queryKey: leadKeys.eligible(id, allLevels),
    queryFn: ({ signal }) =>
      unwrap(
        api.GET("/api/v1/leads/{id}/eligible-designers", {
          params: { path: { id }, query: { all_levels: allLevels || undefined } },
          signal,
        }),
      ),
  });

export const useEligibleDesigners = (id: string | null, allLevels: boolean) =>
  useQuery({ ...eligibleQuery(id ?? "", allLevels), enabled: id !== null });
