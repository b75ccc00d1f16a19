import { DownloadOutlined } from "@ant-design/icons";
import { App, Button, Card, DatePicker, Flex, Result, Space, Spin } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { errorMessage } from "@/lib/problem";
import { downloadReport } from "../api/download-report";
import { useSummary } from "../api/summary";
import type { Period } from "../utils/period";
import { BreakdownCard } from "./breakdown-card";
import { MonthWarnings } from "./month-warnings";
import { SummaryCards } from "./summary-cards";
import { TopArticles } from "./top-articles";
import { TrendChart } from "./trend-chart";

/** The period picker, and the monthly report's month with its downloads. */
function StatisticsToolbar({
  range,
  onRange,
  month,
  onMonth,
}: {
  range: [Dayjs, Dayjs];
  onRange: (range: [Dayjs, Dayjs]) => void;
  month: Dayjs;
  onMonth: (month: Dayjs) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const download = (format: "xlsx" | "csv") => {
    downloadReport(month.format("YYYY-MM"), format).catch((error: unknown) => {
      void message.error(errorMessage(error, t));
    });
  };
  return (
    <Card size="small">
      <Flex wrap gap="middle" justify="space-between">
        <DatePicker.RangePicker
          allowClear={false}
          value={range}
          onChange={(value) => {
            if (value?.[0] && value[1]) onRange([value[0], value[1]]);
          }}
        />
        <Space wrap>
          <span>{t("stats.report")}</span>
          <DatePicker
            picker="month"
            allowClear={false}
            value={month}
            onChange={(m) => {
              onMonth(m);
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
  );
}

export function Statistics() {
  const { t } = useTranslation();
  const [range, setRange] = useState<[Dayjs, Dayjs]>(() => [
    dayjs().startOf("month"),
    dayjs().endOf("month"),
  ]);
  const [month, setMonth] = useState<Dayjs>(() => dayjs());
  const period: Period = { from: range[0].format("YYYY-MM-DD"), to: range[1].format("YYYY-MM-DD") };
  const summary = useSummary(period);

  return (
    <Flex vertical gap="middle">
      <StatisticsToolbar range={range} onRange={setRange} month={month} onMonth={setMonth} />
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
      <BreakdownCard period={period} />
      <MonthWarnings month={month.format("YYYY-MM")} />
      <TopArticles month={month.format("YYYY-MM")} />
    </Flex>
  );
}
