import { Alert, Card, DatePicker, Descriptions, Space, Spin, Table } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useCan } from "@/lib/permissions";
import { errorMessage } from "@/lib/problem";
import type { Funnel, Satisfactions, SizeFunnel, SourceFunnel } from "../api/types";
import { useLeadStats } from "../api/lead-stats";
import { useWorksStats } from "../api/works-stats";

const rate = (r?: number | null) => (r === null || r === undefined ? "—" : `${(r * 100).toFixed(1)}%`);

function useFunnelColumns<T extends Funnel>(first: { title: string; render: (row: T) => string }) {
  const { t } = useTranslation();
  return [
    { key: "name", title: first.title, render: (_: unknown, row: T) => first.render(row) },
    { key: "leads", title: t("decoStats.leads"), dataIndex: "leads" },
    { key: "dispatched", title: t("decoStats.dispatched"), dataIndex: "dispatched" },
    { key: "measured", title: t("decoStats.measured"), dataIndex: "measured" },
    { key: "signed", title: t("decoStats.signed"), dataIndex: "signed" },
    { key: "lost_invalid", title: t("decoStats.lostInvalid"), dataIndex: "lost_invalid" },
    { key: "lost_failed", title: t("decoStats.lostFailed"), dataIndex: "lost_failed_signing" },
    {
      key: "conversion",
      title: t("decoStats.conversion"),
      render: (_: unknown, row: T) => rate(row.conversion_rate),
    },
  ];
}

function LeadFigures({ month }: { month: string }) {
  const { t } = useTranslation();
  const stats = useLeadStats(month, true);
  const bySource = useFunnelColumns<SourceFunnel>({
    title: t("decoStats.source"),
    render: (r) => t(`leads.source.${r.source}`),
  });
  const bySize = useFunnelColumns<SizeFunnel>({
    title: t("decoStats.size"),
    render: (r) => t(`leads.size.${r.size}`),
  });
  const byDesigner = useFunnelColumns<Funnel & { name: string }>({
    title: t("decoStats.designer"),
    render: (r) => r.name,
  });
  if (stats.error) return <Alert type="error" showIcon message={errorMessage(stats.error, t)} />;
  if (!stats.data) return <Spin />;
  const s = stats.data;
  const f = s.fairness;
  return (
    <Space direction="vertical" style={{ width: "100%" }} data-testid="lead-stats">
      <Descriptions
        size="small"
        column={4}
        items={[
          { key: "leads", label: t("decoStats.leads"), children: s.total.leads },
          { key: "signed", label: t("decoStats.signed"), children: s.total.signed },
          { key: "conversion", label: t("decoStats.conversion"), children: rate(s.total.conversion_rate) },
          {
            key: "fairness",
            label: t("decoStats.fairness"),
            children: t("decoStats.fairnessText", {
              dispatches: f.dispatches,
              designers: f.designers,
              min: f.min,
              max: f.max,
              spread: f.spread,
              mean: f.mean?.toFixed(2) ?? "—",
            }),
          },
        ]}
      />
      <Table rowKey="source" size="small" pagination={false} dataSource={s.by_source} columns={bySource} />
      <Table rowKey="size" size="small" pagination={false} dataSource={s.by_size} columns={bySize} />
      <Table
        rowKey="designer_id"
        size="small"
        pagination={false}
        dataSource={s.by_designer}
        columns={byDesigner}
      />
      <Table
        rowKey={(r) => `${r.kind}-${r.reason}`}
        size="small"
        pagination={false}
        dataSource={s.losses}
        columns={[
          { title: t("decoStats.lossKind"), render: (_, r) => t(`leads.loss.${r.kind}`) },
          { title: t("decoStats.lossReason"), render: (_, r) => t(`leads.reason.${r.reason}`) },
          { title: t("decoStats.count"), dataIndex: "count" },
        ]}
      />
    </Space>
  );
}

function WorksFigures({ month }: { month: string }) {
  const { t } = useTranslation();
  const stats = useWorksStats(month, true);
  if (stats.error) return <Alert type="error" showIcon message={errorMessage(stats.error, t)} />;
  if (!stats.data) return <Spin />;
  const s = stats.data;
  const rows: (Satisfactions & { key: string; label: string })[] = [
    ...Object.entries(s.stages).map(([name, v]) => ({
      ...v,
      key: name,
      label: t(`works.stage.${name}`, { defaultValue: name }),
    })),
    { ...s.designer, key: "designer", label: t("decoStats.designerSatisfaction") },
  ];
  return (
    <Space direction="vertical" style={{ width: "100%" }} data-testid="works-stats">
      <Descriptions
        size="small"
        items={[
          { key: "visits", label: t("decoStats.visits"), children: s.visits },
          {
            key: "inspector",
            label: t("decoStats.inspectorPresence"),
            children: rate(s.inspector_presence_rate),
          },
        ]}
      />
      <Table
        rowKey="key"
        size="small"
        pagination={false}
        dataSource={rows}
        columns={[
          { title: t("decoStats.stage"), dataIndex: "label" },
          { title: t("decoStats.visits"), dataIndex: "visits" },
          { title: t("works.satisfaction.very_satisfied"), dataIndex: "very_satisfied" },
          { title: t("works.satisfaction.satisfied"), dataIndex: "satisfied" },
          { title: t("works.satisfaction.dissatisfied"), dataIndex: "dissatisfied" },
          { title: t("works.satisfaction.very_dissatisfied"), dataIndex: "very_dissatisfied" },
          { title: t("decoStats.satisfactionRate"), render: (_, r) => rate(r.satisfaction_rate) },
        ]}
      />
    </Space>
  );
}

/** Decoration statistics for the month: the lead funnel and losses (lead readers), works visits (works readers). */
export function DecorationStats() {
  const { t } = useTranslation();
  const can = useCan();
  const [month, setMonth] = useState<Dayjs>(dayjs());
  const leads = can("lead_read");
  const works = can("works_read");
  if (!leads && !works) return null;
  const m = month.format("YYYY-MM");
  return (
    <Card
      title={t("decoStats.title")}
      style={{ marginTop: 16 }}
      extra={
        <DatePicker
          picker="month"
          value={month}
          allowClear={false}
          onChange={(d: Dayjs | null) => {
            if (d) setMonth(d);
          }}
        />
      }
      data-testid="decoration-stats"
    >
      <Space direction="vertical" style={{ width: "100%" }}>
        {leads && <LeadFigures month={m} />}
        {works && <WorksFigures month={m} />}
      </Space>
    </Card>
  );
}
