import { Card, Col, List, Row, Statistic, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { percent } from "../utils/percent";
import { thisMonth } from "../utils/period";
import { useBreakdown } from "../api/breakdown";
import { useCurrent } from "../api/current";
import { useSummary } from "../api/summary";

/** Today's case load (from `/stats/current`) and this month's rates for the dashboard. */
export function DashboardFigures() {
  const { t } = useTranslation();
  const now = useCurrent();
  const month = useSummary(thisMonth());
  const cards = [
    { key: "todayNew", title: t("dashboard.todayNew"), value: now.data?.registered_today },
    { key: "open", title: t("dashboard.open"), value: now.data?.open },
    { key: "overdue", title: t("dashboard.overdue"), value: now.data?.overdue, danger: true },
    { key: "awaitingVisit", title: t("dashboard.awaitingVisit"), value: now.data?.awaiting_visit },
    {
      key: "sat",
      title: t("dashboard.monthSatisfaction"),
      value: month.data ? percent(month.data.satisfaction) : undefined,
    },
    {
      key: "ontime",
      title: t("dashboard.monthOnTime"),
      value: month.data ? percent(month.data.on_time_resolve) : undefined,
    },
  ];
  return (
    <Row gutter={[12, 12]}>
      {cards.map((c) => (
        <Col key={c.key} xs={12} md={8} xl={4}>
          <Card size="small" data-testid={`dashboard-${c.key}`}>
            <Statistic
              title={c.title}
              value={c.value ?? "—"}
              loading={c.value === undefined}
              valueStyle={
                c.danger && typeof c.value === "number" && c.value > 0 ? { color: "#cf1322" } : undefined
              }
            />
          </Card>
        </Col>
      ))}
    </Row>
  );
}

/** This month's five categories with the most cases. */
export function TopCategories() {
  const { t } = useTranslation();
  const breakdown = useBreakdown(thisMonth(), "category");
  // Groups come sorted by cases created, most first.
  const rows = (breakdown.data?.groups ?? []).slice(0, 5);
  return (
    <List
      size="small"
      loading={breakdown.isLoading}
      dataSource={rows}
      locale={{ emptyText: t("dashboard.noCases") }}
      renderItem={(row) => (
        <List.Item data-testid="top-category">
          <Typography.Text>{row.label ?? t("stats.unknown")}</Typography.Text>
          <Typography.Text strong>{row.created}</Typography.Text>
        </List.Item>
      )}
    />
  );
}
