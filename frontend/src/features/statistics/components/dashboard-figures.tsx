import { Card, Col, Row, Statistic } from "antd";
import dayjs from "dayjs";
import { useTranslation } from "react-i18next";
import { percent, thisMonth, useSummary } from "../api/stats";

/** Today's counts and this month's rates for the dashboard. */
export function DashboardFigures() {
  const { t } = useTranslation();
  const today = dayjs().format("YYYY-MM-DD");
  const todays = useSummary({ from: today, to: today });
  // Open, overdue and awaiting-visit cases over the past year (the summary counts cases created in the period).
  const year = useSummary({ from: dayjs().subtract(1, "year").format("YYYY-MM-DD"), to: today });
  const month = useSummary(thisMonth());
  const cards = [
    { key: "todayNew", title: t("dashboard.todayNew"), value: todays.data?.created },
    { key: "open", title: t("dashboard.open"), value: year.data?.open },
    { key: "overdue", title: t("dashboard.overdue"), value: year.data?.overdue, danger: true },
    {
      key: "awaitingVisit",
      title: t("dashboard.awaitingVisit"),
      value: year.data?.by_status.visiting ?? (year.data ? 0 : undefined),
    },
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
