import { Alert, Card, Flex, Select, Statistic, Table, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { components } from "@/api/schema";
import { useWarningColumns } from "@/components/warning-columns";
import { errorMessage } from "@/lib/problem";
import { useProjects } from "@/lib/reference";
import { useReport } from "../api/report";

type Warning = components["schemas"]["WarningView"];

/**
 * The complaint warnings fired in a month (`month` = YYYY-MM), read from the monthly report,
 * for all the caller's projects or the chosen one.
 */
export function MonthWarnings({ month }: { month: string }) {
  const { t } = useTranslation();
  const [projectId, setProjectId] = useState<string>();
  const projects = useProjects();
  const report = useReport(month, projectId);
  const columns = useWarningColumns();
  const warnings = report.data?.warnings ?? [];
  const fired = report.data?.warnings_fired ?? 0;

  return (
    <Card
      title={t("stats.warnings.title", { month })}
      extra={
        <Select
          allowClear
          placeholder={t("stats.warnings.allProjects")}
          aria-label={t("stats.dim.project")}
          style={{ width: 200, maxWidth: "100%" }}
          value={projectId}
          onChange={setProjectId}
          loading={projects.isPending}
          options={projects.data?.items.map((p) => ({ value: p.id, label: p.name }))}
          data-testid="month-warnings-project"
        />
      }
      data-testid="month-warnings"
    >
      {report.isError ? (
        <Alert type="error" showIcon message={errorMessage(report.error, t)} />
      ) : (
        <Flex vertical gap="small">
          <Statistic
            title={t("stats.warnings.fired")}
            value={fired}
            loading={report.isPending}
            data-testid="month-warnings-count"
          />
          {/* The report lists at most 200 warnings; the count covers the whole month. */}
          {warnings.length < fired && (
            <Typography.Text type="secondary">
              {t("stats.warnings.partial", { shown: warnings.length })}
            </Typography.Text>
          )}
          <Table<Warning>
            rowKey="id"
            size="small"
            loading={report.isPending}
            // Undefined while loading, so that antd shows the spinner without the empty text.
            dataSource={report.data?.warnings}
            pagination={warnings.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
            scroll={{ x: 800 }}
            locale={{ emptyText: t("stats.warnings.empty", { month }) }}
            data-testid="month-warnings-table"
            columns={[columns.firedAt, columns.rule, columns.title, columns.cases]}
          />
        </Flex>
      )}
    </Card>
  );
}
