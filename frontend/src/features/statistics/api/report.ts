import { queryOptions, useQuery } from "@tanstack/react-query";
import { api, unwrap } from "@/lib/api";
import { statsKeys } from "./keys";

/**
 * The monthly report as JSON (`month` = YYYY-MM), for all the caller's projects or one.
 * `format=json` is explicit so the answer does not depend on the Accept header.
 */
export const reportQuery = (month: string, projectId?: string) =>
  queryOptions({
    queryKey: statsKeys.report(month, projectId ?? null),
    queryFn: async ({ signal }) => {
      const report = await unwrap(
        api.GET("/api/v1/stats/report", {
          params: { query: { month, format: "json", project_id: projectId } },
          signal,
        }),
      );
      // The operation also declares the XLSX and CSV bodies, so the generated type is the union
      // of the three; this narrows it to the JSON report that format=json asked for.
      if (typeof report === "string" || Array.isArray(report)) throw new Error("the report is not JSON");
      return report;
    },
  });

export const useReport = (month: string, projectId?: string) => useQuery(reportQuery(month, projectId));
