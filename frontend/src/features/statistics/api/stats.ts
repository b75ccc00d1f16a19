import { queryOptions, useQuery } from "@tanstack/react-query";
import { api, unwrap } from "@/lib/api";
import { ApiError } from "@/lib/problem";
import dayjs from "dayjs";
import type { Dimension, Ratio } from "@/lib/types";
import { statsKeys } from "./keys";

export interface Period {
  from: string;
  to: string;
}

export const summaryQuery = ({ from, to }: Period) =>
  queryOptions({
    queryKey: statsKeys.summary(from, to),
    queryFn: ({ signal }) =>
      unwrap(api.GET("/api/v1/stats/summary", { params: { query: { from, to } }, signal })),
  });

export const breakdownQuery = ({ from, to }: Period, by: Dimension) =>
  queryOptions({
    queryKey: statsKeys.breakdown(from, to, by),
    queryFn: ({ signal }) =>
      unwrap(api.GET("/api/v1/stats/breakdown", { params: { query: { from, to, by } }, signal })),
  });

export const trendQuery = ({ from, to }: Period) =>
  queryOptions({
    queryKey: statsKeys.trend(from, to),
    queryFn: ({ signal }) =>
      unwrap(api.GET("/api/v1/stats/trend", { params: { query: { from, to, interval: "day" } }, signal })),
  });

/** The case load right now (open, registered today, overdue, awaiting a visit), refreshed every minute. */
export const currentQuery = () =>
  queryOptions({
    queryKey: statsKeys.current,
    queryFn: ({ signal }) => unwrap(api.GET("/api/v1/stats/current", { signal })),
    refetchInterval: 60_000,
  });

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

export const useSummary = (period: Period) => useQuery(summaryQuery(period));
export const useCurrent = () => useQuery(currentQuery());
export const useBreakdown = (period: Period, by: Dimension) => useQuery(breakdownQuery(period, by));
export const useTrend = (period: Period) => useQuery(trendQuery(period));
export const useReport = (month: string, projectId?: string) => useQuery(reportQuery(month, projectId));

/**
 * Downloads the monthly report (`month` = YYYY-MM) with the Bearer token and saves the blob.
 * (A plain link cannot carry the token.)
 */
export async function downloadReport(month: string, format: "xlsx" | "csv"): Promise<void> {
  const { data, error, response } = await api.GET("/api/v1/stats/report", {
    params: { query: { month, format } },
    parseAs: "blob",
  });
  if (!response.ok || !(data instanceof Blob)) throw ApiError.from(error, response);
  const url = URL.createObjectURL(data);
  const link = document.createElement("a");
  link.href = url;
  link.download = `huiyin-report-${month}.${format}`;
  document.body.appendChild(link);
  link.click();
  link.remove();
  window.setTimeout(() => {
    URL.revokeObjectURL(url);
  }, 10_000);
}

export const percent = (ratio: Ratio) =>
  ratio.rate === null || ratio.rate === undefined ? "—" : `${(ratio.rate * 100).toFixed(1)}%`;

export const thisMonth = (): Period => ({
  from: dayjs().startOf("month").format("YYYY-MM-DD"),
  to: dayjs().endOf("month").format("YYYY-MM-DD"),
});
