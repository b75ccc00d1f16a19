import { queryOptions, useQuery } from "@tanstack/react-query";
import { api, unwrap } from "@/lib/api";
import { stewardKeys } from "./keys";

/** The areas the user works in: a steward's own, everyone else's projects' areas. */
export const areasQuery = () =>
  queryOptions({
    queryKey: stewardKeys.areas,
    queryFn: ({ signal }) => unwrap(api.GET("/api/v1/areas", { params: { query: { limit: 200 } }, signal })),
  });

export function useWorkAreas(userId: string, stewardOnly: boolean) {
  return useQuery({
    ...areasQuery(),
    select: (page) => page.items.filter((a) => !stewardOnly || a.steward_id === userId),
  });
}
