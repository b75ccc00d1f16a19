import { queryOptions, useQuery } from "@tanstack/react-query";
import dayjs from "dayjs";
import { api, unwrap } from "@/lib/api";
import { visitKeys } from "@/lib/query-keys";

const PAGE = 100;

/** How many scheduled return visits are due by the end of today, and how many are overdue. */
export const visitsDueQuery = () =>
  queryOptions({
    queryKey: visitKeys.dashboard,
    queryFn: async ({ signal }) => {
      const [due, overdue] = await Promise.all([
        unwrap(api.GET("/api/v1/visits", { params: { query: { status: "due", limit: PAGE } }, signal })),
        unwrap(api.GET("/api/v1/visits", { params: { query: { status: "overdue", limit: PAGE } }, signal })),
      ]);
      const endOfToday = dayjs().endOf("day");
      return {
        today: due.items.filter((v) => !v.overdue && dayjs(v.due_at).isBefore(endOfToday)).length,
        overdue: overdue.items.length,
        more: Boolean(overdue.next_cursor),
      };
    },
    staleTime: 60_000,
  });

export const useVisitsDue = () => useQuery(visitsDueQuery());
