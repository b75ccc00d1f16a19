import { queryOptions, useQuery } from "@tanstack/react-query";
import { api, unwrap } from "@/lib/api";
import { statsKeys } from "./keys";

/** Every area's visit coverage in a Beijing month (`YYYY-MM`). */
export const areaCoverageQuery = (month: string) =>
  queryOptions({
    queryKey: statsKeys.coverage(month),
    queryFn: ({ signal }) =>
      unwrap(api.GET("/api/v1/stats/coverage", { params: { query: { month } }, signal })),
  });

export const useAreaCoverage = (month: string) => useQuery(areaCoverageQuery(month));
