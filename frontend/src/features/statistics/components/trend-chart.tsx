import { Spin } from "antd";
import dayjs from "dayjs";
import { lazy, Suspense } from "react";
import { useTranslation } from "react-i18next";
import { useTrend } from "../api/trend";
import type { Period } from "../utils/period";

// ECharts is loaded only when a chart is drawn.
const EChart = lazy(() => import("@/components/echart").then((m) => ({ default: m.EChart })));

/** Cases created and closed per day of the period, up to today. */
export function TrendChart({ period, height = 300 }: { period: Period; height?: number }) {
  const { t } = useTranslation();
  // Days after today have no cases yet; the line stops at today.
  const today = dayjs().format("YYYY-MM-DD");
  const trend = useTrend({ from: period.from, to: period.to > today ? today : period.to });
  if (!trend.data) return <Spin />;
  const points = trend.data.points;
  return (
    <Suspense fallback={<Spin />}>
      <EChart
        label={t("stats.trend")}
        height={height}
        option={{
          tooltip: { trigger: "axis" },
          legend: { top: 0 },
          grid: { left: 40, right: 16, top: 40, bottom: 30 },
          xAxis: { type: "category", data: points.map((p) => p.date.slice(5)) },
          yAxis: { type: "value" },
          series: [
            { type: "line", name: t("stats.created"), data: points.map((p) => p.created) },
            {
              type: "line",
              name: t("stats.closed"),
              data: points.map((p) => p.closed_in_bucket),
              smooth: true,
            },
          ],
        }}
      />
    </Suspense>
  );
}
