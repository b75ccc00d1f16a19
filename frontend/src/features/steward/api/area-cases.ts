import { queryOptions, useQuery } from "@tanstack/react-query";
import { api, unwrap } from "@/lib/api";
import { stewardKeys } from "./keys";

/** The area's cases still open (registered, dispatched, in progress). */
export const areaCasesQuery = (areaId: string) =>
  queryOptions({
    queryKey: stewardKeys.cases(areaId),
    queryFn: ({ signal }) =>
      unwrap(
        api.GET("/api/v1/cases", {
          params: { query: { area_id: areaId, status: "registered,dispatched,in_progress", limit: 20 } },
          signal,
        }),
      ),
  });

export const useAreaCases = (areaId: string) => useQuery(areaCasesQuery(areaId));
