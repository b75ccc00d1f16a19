import { Col, Flex, Row } from "antd";
import { useTranslation } from "react-i18next";
import { Dashboard } from "@/features/dashboard/components/dashboard";
import { PendingHandoverBanner } from "@/features/handover/components/pending-handover-banner";
import { useMe } from "@/lib/auth";
import { usePageTitle } from "@/lib/page-title";
import { useCan } from "@/lib/permissions";
import { cardsFor } from "../dashboard-cards";

export default function DashboardRoute() {
  const { t } = useTranslation();
  const me = useMe();
  const can = useCan();
  usePageTitle(t("nav.dashboard"));
  // The layout only renders its pages once the user is loaded.
  if (!me.data) return null;
  const cards = cardsFor(me.data.role, can);
  return (
    <Flex vertical gap="large">
      {can("handover_write") && <PendingHandoverBanner user={me.data} />}
      <Dashboard user={me.data} />
      <Row gutter={[16, 16]}>
        {cards.map((card) => (
          <Col key={card.key} xs={24} xl={card.wide ? 24 : 12} data-testid={`dashboard-card-${card.key}`}>
            {card.render()}
          </Col>
        ))}
      </Row>
    </Flex>
  );
}
