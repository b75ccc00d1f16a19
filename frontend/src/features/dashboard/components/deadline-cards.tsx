import { Card, Col, Empty, List, Row, Statistic, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { useOpenWarnings } from "../api/open-warnings";
import { useVisitsDue } from "../api/visits-due";

/** Return visits due today / overdue, and (for supervisors and up) the open complaint warnings. */
export function DeadlineCards({ warnings }: { warnings: boolean }) {
  const { t } = useTranslation();
  const visits = useVisitsDue();
  const open = useOpenWarnings(warnings);
  const items = open.data?.items ?? [];
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={warnings ? 10 : 24}>
        <Card title={<Link to="/visits">{t("dashboard.visits")}</Link>} style={{ height: "100%" }}>
          <Row gutter={16}>
            <Col span={12}>
              <Statistic
                title={t("dashboard.visitsToday")}
                value={visits.data?.today ?? "—"}
                loading={visits.isPending}
                data-testid="dashboard-visits-today"
              />
            </Col>
            <Col span={12}>
              <Statistic
                title={t("dashboard.visitsOverdue")}
                value={visits.data ? `${visits.data.overdue}${visits.data.more ? "+" : ""}` : "—"}
                loading={visits.isPending}
                valueStyle={visits.data && visits.data.overdue > 0 ? { color: "#cf1322" } : undefined}
                data-testid="dashboard-visits-overdue"
              />
            </Col>
          </Row>
        </Card>
      </Col>
      {warnings && (
        <Col xs={24} xl={14}>
          <Card
            title={<Link to="/warnings">{t("dashboard.warnings")}</Link>}
            extra={
              open.data && (
                <Tag color={items.length > 0 ? "volcano" : "default"} data-testid="dashboard-warnings-count">
                  {t("dashboard.openWarnings", {
                    count: items.length,
                    more: open.data.next_cursor ? "+" : "",
                  })}
                </Tag>
              )
            }
            style={{ height: "100%" }}
          >
            {items.length === 0 && !open.isPending ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("warnings.empty")} />
            ) : (
              <List
                size="small"
                loading={open.isPending}
                dataSource={items}
                renderItem={(w) => (
                  <List.Item>
                    <Typography.Text ellipsis>{w.title}</Typography.Text>
                  </List.Item>
                )}
              />
            )}
          </Card>
        </Col>
      )}
    </Row>
  );
}
