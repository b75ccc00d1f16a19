import { Card, Select, Spin, Table } from "antd";
import { lazy, Suspense, useState } from "react";
import { useTranslation } from "react-i18next";
import { CASE_KINDS, CHANNELS, type Dimension, SEVERITIES } from "@/lib/types";
import { useBreakdown } from "../api/breakdown";
import { percent } from "../utils/percent";
import type { Period } from "../utils/period";

// ECharts is loaded only when a chart is drawn.
const EChart = lazy(() => import("@/components/echart").then((m) => ({ default: m.EChart })));

const share = (value: number) => `${(value * 100).toFixed(1)}%`;

const DIMENSIONS: readonly Dimension[] = [
  "category",
  "channel",
  "project",
  "area",
  "building",
  "department",
  "assignee",
  "kind",
  "severity",
  "cancel_reason",
];

const CANCEL_REASONS = ["duplicate", "invalid", "withdrawn"] as const;

/** A group's name: the server's label, or the translated key of an enumerated dimension. */
function useGroupLabel(by: Dimension) {
  const { t } = useTranslation();
  return (label?: string | null, key?: string | null) => {
    const reason = CANCEL_REASONS.find((r) => r === key);
    if (by === "cancel_reason" && reason) return t(`case.cancelReason.${reason}`);
    if (by === "cancel_reason" && !key) return t("stats.notCancelled");
    if (label) return label;
    if (!key) return t("stats.unknown");
    const kind = CASE_KINDS.find((k) => k === key);
    if (by === "kind" && kind) return t(`case.kind.${kind}`);
    const channel = CHANNELS.find((c) => c === key);
    if (by === "channel" && channel) return t(`case.channel.${channel}`);
    const severity = SEVERITIES.find((v) => v === key);
    if (by === "severity" && severity) return t(`case.severity.${severity}`);
    return key;
  };
}

/** The period's cases by one dimension: a bar chart and the table of every figure. */
export function BreakdownCard({ period }: { period: Period }) {
  const { t } = useTranslation();
  const [by, setBy] = useState<Dimension>("category");
  const breakdown = useBreakdown(period, by);
  const groupLabel = useGroupLabel(by);
  const groups = breakdown.data?.groups ?? [];
  return (
    <Card
      title={t("stats.breakdown")}
      extra={
        <Select<Dimension>
          value={by}
          onChange={setBy}
          style={{ width: 140 }}
          aria-label={t("stats.dimension")}
          options={DIMENSIONS.map((d) => ({ value: d, label: t(`stats.dim.${d}`) }))}
        />
      }
    >
      {groups.length > 0 && (
        <Suspense fallback={<Spin />}>
          <EChart
            label={t("stats.breakdown")}
            height={260}
            option={{
              tooltip: { trigger: "axis" },
              legend: { top: 0 },
              grid: { left: 40, right: 16, top: 40, bottom: 60 },
              xAxis: {
                type: "category",
                data: groups.map((g) => groupLabel(g.label, g.key)),
                axisLabel: { rotate: 30 },
              },
              yAxis: { type: "value" },
              series: [
                { type: "bar", name: t("stats.created"), data: groups.map((g) => g.created) },
                { type: "bar", name: t("stats.closed"), data: groups.map((g) => g.closed) },
              ],
            }}
          />
        </Suspense>
      )}
      <Table
        rowKey={(g) => g.key ?? "none"}
        size="small"
        loading={breakdown.isPending}
        dataSource={groups}
        pagination={false}
        scroll={{ x: 720 }}
        columns={[
          { key: "group", title: t("stats.group"), render: (_, g) => groupLabel(g.label, g.key) },
          { key: "created", title: t("stats.created"), dataIndex: "created" },
          { key: "closed", title: t("stats.closed"), dataIndex: "closed" },
          { key: "open", title: t("stats.open"), dataIndex: "open" },
          { key: "overdue", title: t("stats.overdue"), dataIndex: "overdue" },
          { key: "sat", title: t("stats.satisfaction"), render: (_, g) => percent(g.satisfaction) },
          { key: "ontime", title: t("stats.onTimeResolve"), render: (_, g) => percent(g.on_time_resolve) },
          { key: "second", title: t("stats.secondDispatch"), render: (_, g) => percent(g.second_dispatch) },
          // Only areas carry a visit coverage (null for other dimensions and periods over a month).
          ...(by === "area"
            ? [
                {
                  key: "visits",
                  title: `${t("stats.visitCoverage")} / ${t("stats.coverageTarget")}`,
                  render: (_: unknown, g: (typeof groups)[number]) =>
                    g.household_coverage
                      ? `${share(g.household_coverage.coverage)} / ${share(g.household_coverage.target)}`
                      : "—",
                },
              ]
            : []),
        ]}
      />
    </Card>
  );
}
