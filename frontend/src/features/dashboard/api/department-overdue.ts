import { queryOptions, useQuery } from "@tanstack/react-query";
import dayjs from "dayjs";
import { api, unwrap } from "@/lib/api";
import { dashboardKeys } from "./keys";

/** This quarter's cases per responsible department, for the "overdue by department" card. */
export const departmentOverdueQuery = () =>
  queryOptions({
    queryKey: dashboardKeys.departmentOverdue,
    queryFn: async ({ signal }) => {
      const from = dayjs().subtract(89, "day").format("YYYY-MM-DD");
      const to = dayjs().format("YYYY-MM-DD");
      const breakdown = await unwrap(
        api.GET("/api/v1/stats/breakdown", { params: { query: { from, to, by: "department" } }, signal }),
      );
      return breakdown.groups
        .filter((g) => g.overdue > 0)
        .sort((a, b) => b.overdue - a.overdue)
        .map((g) => ({ key: g.key ?? "", label: g.label, overdue: g.overdue, open: g.open }));
    },
    staleTime: 60_000,
  });

export const useDepartmentOverdue = () => useQuery(departmentOverdueQuery());
