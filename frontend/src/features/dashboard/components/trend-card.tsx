import { Empty, Spin } from "antd";
import { lazy, Suspense } from "react";
import { useTranslation } from "react-i18next";
import { useTrend } from "../api/trend";
import { QueryCard } from "./query-card";

const EChart = lazy(() => import("@/components/echart").then((m) => ({ default: m.EChart })));

/** Cases created and closed per day, the last 30 days. */
export function TrendCard() {
  const { t } = useTranslation();
  const trend = useTrend();
  return (
    <QueryCard title={t("dashboard.trend")} query={trend} testId="card-trend">
      {({ points }) =>
        points.every((p) => p.created === 0 && p.closed_in_bucket === 0) ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("dashboard.noCases")} />
        ) : (
          <Suspense fallback={<Spin />}>
            <EChart
              label={t("dashboard.trend")}
              height={260}
              option={{
                tooltip: { trigger: "axis" },
                legend: { top: 0 },
                grid: { left: 40, right: 16, top: 40, bottom: 30 },
                xAxis: { type: "category", data: points.map((p) => p.date.slice(5)) },
                yAxis: { type: "value" },
                series: [
                  { type: "line", name: t("stats.created"), data: points.map((p) => p.created) },
                  { type: "line", name: t("stats.closed"), data: points.map((p) => p.closed_in_bucket) },
                ],
              }}
            />
          </Suspense>
        )
      }
    </QueryCard>
  );
}
