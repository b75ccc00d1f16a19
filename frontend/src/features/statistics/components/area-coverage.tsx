import { Alert, Card, DatePicker, Progress, Table, Tag } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { components } from "@/api/schema";
import { errorMessage } from "@/lib/problem";
import { useAreaCoverage } from "../api/area-coverage";

type Row = components["schemas"]["CoverageResponse"];
const percent = (share: number) => Math.round(share * 1000) / 10;

/** Stewards' visit coverage per area against each area's monthly target. */
export function AreaCoverage() {
  const { t } = useTranslation();
  const [month, setMonth] = useState<Dayjs>(() => dayjs());
  const coverage = useAreaCoverage(month.format("YYYY-MM"));
  return (
    <Card
      title={t("stats.areaCoverage")}
      style={{ marginTop: 16 }}
      extra={
        <DatePicker
          picker="month"
          value={month}
          allowClear={false}
          onChange={(value) => {
            setMonth(value);
          }}
        />
      }
      data-testid="area-coverage"
    >
      {coverage.isError && <Alert type="error" message={errorMessage(coverage.error, t)} />}
      <Table<Row>
        rowKey="area_id"
        size="small"
        loading={coverage.isPending}
        dataSource={coverage.data?.items ?? []}
        pagination={false}
        scroll={{ x: true }}
        columns={[
          { title: t("stats.area"), dataIndex: "area_name" },
          {
            title: t("stats.coverage"),
            key: "coverage",
            render: (_, r) => (
              <Progress percent={percent(r.coverage)} size="small" style={{ minWidth: 120 }} />
            ),
          },
          {
            title: t("stats.visitedHouseholds"),
            key: "visited",
            render: (_, r) => `${r.visited} / ${r.households}`,
          },
          {
            title: t("stats.coverageTarget"),
            key: "target",
            render: (_, r) => <Tag color={r.target_met ? "green" : "orange"}>{`${percent(r.target)}%`}</Tag>,
          },
          {
            title: t("stats.keyCustomersVisited"),
            key: "key",
            render: (_, r) => `${r.key_customers.visited} / ${r.key_customers.total}`,
          },
        ]}
      />
    </Card>
  );
}
