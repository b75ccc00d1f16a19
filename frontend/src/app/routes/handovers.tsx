import { Col, Row, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { HandoverForm } from "@/features/handover/components/handover-form";
import { HandoverList } from "@/features/handover/components/handover-list";
import { useMe } from "@/lib/auth";
import { usePageTitle } from "@/lib/page-title";

export default function HandoversRoute() {
  const { t } = useTranslation();
  const me = useMe();
  usePageTitle(t("nav.handovers"));
  if (!me.data) return null;
  // Without `handover_write` the section shows the "not available for your role" page (sections.tsx).
  return (
    <>
      <Typography.Title level={3}>{t("handover.title")}</Typography.Title>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={10}>
          <HandoverForm />
        </Col>
        <Col xs={24} xl={14}>
          <HandoverList me={me.data.id} />
        </Col>
      </Row>
    </>
  );
}
