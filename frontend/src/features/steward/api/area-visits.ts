import { queryOptions, useQuery } from "@tanstack/react-query";
import { api, unwrap } from "@/lib/api";
import { stewardKeys } from "./keys";

/** The area's visits, newest first, for the "recent visits" list. */
export const areaVisitsQuery = (areaId: string) =>
  queryOptions({
    queryKey: stewardKeys.visits(areaId),
    queryFn: ({ signal }) =>
      unwrap(
        api.GET("/api/v1/steward-visits", { params: { query: { area_id: areaId, limit: 20 } }, signal }),
      ),
  });

export const useAreaVisits = (areaId: string) => useQuery(areaVisitsQuery(areaId));
