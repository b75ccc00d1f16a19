import { Col, Row, Statistic } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { useVisitsDue } from "../api/visits-due";
import { QueryCard } from "./query-card";

/** Return visits due by the end of today, and overdue ones. */
export function VisitsCard() {
  const { t } = useTranslation();
  const visits = useVisitsDue();
  return (
    <QueryCard title={<Link to="/visits">{t("dashboard.visits")}</Link>} query={visits} testId="card-visits">
      {(v) => (
        <Row gutter={16}>
          <Col span={12}>
            <Statistic
              title={t("dashboard.visitsToday")}
              value={v.today}
              data-testid="dashboard-visits-today"
            />
          </Col>
          <Col span={12}>
            <Statistic
              title={t("dashboard.visitsOverdue")}
              value={`${v.overdue}${v.more ? "+" : ""}`}
              valueStyle={v.overdue > 0 ? { color: "#cf1322" } : undefined}
              data-testid="dashboard-visits-overdue"
            />
          </Col>
        </Row>
      )}
    </QueryCard>
  );
}
