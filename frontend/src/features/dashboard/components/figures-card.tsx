import { Col, Row, Statistic } from "antd";
import { useTranslation } from "react-i18next";
import type { components } from "@/api/schema";
import { useFigures } from "../api/figures";
import { QueryCard } from "./query-card";

type Ratio = components["schemas"]["Ratio"];

const percent = (ratio: Ratio) =>
  ratio.rate === null || ratio.rate === undefined ? "—" : `${(ratio.rate * 100).toFixed(1)}%`;

/** The KPIs over the caller's projects: today's load and this month's rates. */
export function FiguresCard() {
  const { t } = useTranslation();
  const figures = useFigures();
  return (
    <QueryCard title={t("dashboard.figures")} query={figures} testId="card-figures">
      {({ current, month }) => {
        const cells = [
          { key: "todayNew", value: current.registered_today },
          { key: "open", value: current.open },
          { key: "unassigned", value: current.unassigned },
          { key: "overdue", value: current.overdue, danger: current.overdue > 0 },
          { key: "awaitingVisit", value: current.awaiting_visit },
          { key: "monthSatisfaction", value: percent(month.satisfaction) },
          { key: "monthOnTime", value: percent(month.on_time_resolve) },
        ] as const;
        return (
          <Row gutter={[12, 12]}>
            {cells.map((c) => (
              <Col key={c.key} xs={12} md={8} xl={6} xxl={3} data-testid={`dashboard-${c.key}`}>
                <Statistic
                  title={t(`dashboard.${c.key}`)}
                  value={c.value}
                  valueStyle={"danger" in c && c.danger ? { color: "#cf1322" } : undefined}
                />
              </Col>
            ))}
          </Row>
        );
      }}
    </QueryCard>
  );
}
