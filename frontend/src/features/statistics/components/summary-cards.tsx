import { Card, Col, Row, Statistic } from "antd";
import { useTranslation } from "react-i18next";
import type { Summary } from "@/lib/types";
import { percent } from "../utils/percent";

export function SummaryCards({ summary }: { summary: Summary }) {
  const { t } = useTranslation();
  const cards: { key: string; title: string; value: string | number; danger?: boolean }[] = [
    { key: "created", title: t("stats.created"), value: summary.created },
    { key: "closed", title: t("stats.closed"), value: summary.closed },
    { key: "open", title: t("stats.open"), value: summary.open },
    { key: "overdue", title: t("stats.overdue"), value: summary.overdue, danger: summary.overdue > 0 },
    { key: "satisfaction", title: t("stats.satisfaction"), value: percent(summary.satisfaction) },
    { key: "onTime", title: t("stats.onTimeResolve"), value: percent(summary.on_time_resolve) },
    { key: "fcr", title: t("stats.firstContact"), value: percent(summary.first_contact_resolution) },
    { key: "second", title: t("stats.secondDispatch"), value: percent(summary.second_dispatch) },
    { key: "repeat", title: t("stats.repeatRepairs"), value: summary.repeat_repairs },
    { key: "unreachable", title: t("stats.unreachableVisits"), value: summary.unreachable_visits },
  ];
  return (
    <Row gutter={[12, 12]}>
      {cards.map((c) => (
        <Col key={c.key} xs={12} md={6}>
          <Card size="small" data-testid={`summary-${c.key}`}>
            <Statistic
              title={c.title}
              value={c.value}
              valueStyle={c.danger ? { color: "#cf1322" } : undefined}
            />
          </Card>
        </Col>
      ))}
    </Row>
  );
}
