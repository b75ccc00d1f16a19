import { DownloadOutlined } from "@ant-design/icons";
import { App, Button, Card, DatePicker, Flex, Result, Select, Space, Spin, Table } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { lazy, Suspense, useState } from "react";
import { useTranslation } from "react-i18next";
import { errorMessage } from "@/lib/problem";
import { CASE_KINDS, CHANNELS, type Dimension, SEVERITIES } from "@/lib/types";
import { downloadReport } from "../api/download-report";
import { percent } from "../utils/percent";
import type { Period } from "../utils/period";
import { useBreakdown } from "../api/breakdown";
import { useSummary } from "../api/summary";
import { useTrend } from "../api/trend";
import { MonthWarnings } from "./month-warnings";
import { SummaryCards } from "./summary-cards";
import { TopArticles } from "./top-articles";

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

export function Statistics() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [range, setRange] = useState<[Dayjs, Dayjs]>(() => [
    dayjs().startOf("month"),
    dayjs().endOf("month"),
  ]);
  const [by, setBy] = useState<Dimension>("category");
  const [month, setMonth] = useState<Dayjs>(() => dayjs());
  const period: Period = { from: range[0].format("YYYY-MM-DD"), to: range[1].format("YYYY-MM-DD") };
  const summary = useSummary(period);
  const breakdown = useBreakdown(period, by);

  const download = (format: "xlsx" | "csv") => {
    downloadReport(month.format("YYYY-MM"), format).catch((error: unknown) => {
      void message.error(errorMessage(error, t));
    });
  };
  const groupLabel = (label?: string | null, key?: string | null) => {
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
  const groups = breakdown.data?.groups ?? [];

  return (
    <Flex vertical gap="middle">
      <Card size="small">
        <Flex wrap gap="middle" justify="space-between">
          <DatePicker.RangePicker
            allowClear={false}
            value={range}
            onChange={(value) => {
              if (value?.[0] && value[1]) setRange([value[0], value[1]]);
            }}
          />
          <Space wrap>
            <span>{t("stats.report")}</span>
            <DatePicker
              picker="month"
              allowClear={false}
              value={month}
              onChange={(m) => {
                setMonth(m);
              }}
            />
            <Button
              icon={<DownloadOutlined />}
              onClick={() => {
                download("xlsx");
              }}
            >
              {t("stats.download", { format: "XLSX" })}
            </Button>
            <Button
              icon={<DownloadOutlined />}
              onClick={() => {
                download("csv");
              }}
            >
              {t("stats.download", { format: "CSV" })}
            </Button>
          </Space>
        </Flex>
      </Card>
      {summary.isError ? (
        <Result status="warning" title={errorMessage(summary.error, t)} />
      ) : summary.data ? (
        <SummaryCards summary={summary.data} />
      ) : (
        <Spin />
      )}
      <Card title={t("stats.trend")}>
        <TrendChart period={period} />
      </Card>
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
      <MonthWarnings month={month.format("YYYY-MM")} />
      <TopArticles month={month.format("YYYY-MM")} />
    </Flex>
  );
}
