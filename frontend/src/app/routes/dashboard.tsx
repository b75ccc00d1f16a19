import { Card, Col, Flex, Row } from "antd";
import dayjs from "dayjs";
import { useTranslation } from "react-i18next";
import { CaseTable } from "@/features/cases/components/case-queues";
import { Dashboard } from "@/features/dashboard/components/dashboard";
import { DeadlineCards } from "@/features/dashboard/components/deadline-cards";
import { PendingHandoverBanner } from "@/features/handover/components/pending-handover-banner";
import { DashboardFigures, TopCategories } from "@/features/statistics/components/dashboard-figures";
import { TrendChart } from "@/features/statistics/components/statistics";
import { useMe } from "@/lib/auth";
import { usePageTitle } from "@/lib/page-title";
import { canHandleWarnings } from "@/lib/permissions";

const last30 = () => ({
  from: dayjs().subtract(29, "day").format("YYYY-MM-DD"),
  to: dayjs().format("YYYY-MM-DD"),
});

export default function DashboardRoute() {
  const { t } = useTranslation();
  const me = useMe();
  usePageTitle(t("nav.dashboard"));
  // The layout only renders its pages once the user is loaded.
  if (!me.data) return null;
  const staff = me.data.role !== "resident";
  return (
    <Flex vertical gap="large">
      <PendingHandoverBanner user={me.data} />
      <Dashboard user={me.data} />
      {staff && (
        <>
          <DashboardFigures />
          <DeadlineCards warnings={canHandleWarnings(me.data.role)} />
          <Row gutter={[16, 16]}>
            <Col xs={24} xl={10}>
              <Card title={t("dashboard.trend")}>
                <TrendChart period={last30()} height={260} />
              </Card>
              <Card title={t("dashboard.topCategories")} style={{ marginTop: 16 }}>
                <TopCategories />
              </Card>
            </Col>
            <Col xs={24} xl={14}>
              <Card title={t("dashboard.myQueue")}>
                <CaseTable queue="mine" compact />
              </Card>
            </Col>
          </Row>
        </>
      )}
    </Flex>
  );
}
