import { App, Col, Flex, Result, Row, Spin } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { errorMessage } from "@/lib/problem";
import type { CaseAction } from "@/lib/types";
import { useCase } from "../api/get-case";
import { ActionModal } from "./action-modal";
import type { ArticleSlot, TemplateSlot } from "./action-slots";
import { CaseAttachments } from "./case-attachments";
import { CaseFamily } from "./case-family";
import { CaseHeader } from "./case-header";
import { CaseTimeline } from "./case-timeline";
import { CaseVisits } from "./case-visits";
import { CaseWorkOrders } from "./case-work-orders";

/**
 * The case page: the header with the actions the server allows, the timeline, and beside it the
 * related cases, work orders, visits and attachments. An action opens its form in a modal.
 */
export function CaseDetailView({
  id,
  templates,
  articles,
}: {
  id: string;
  templates?: TemplateSlot;
  articles?: ArticleSlot;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const detail = useCase(id);
  const [action, setAction] = useState<CaseAction | null>(null);

  if (detail.isPending) return <Spin />;
  if (detail.isError) return <Result status="warning" title={errorMessage(detail.error, t)} />;
  const c = detail.data;

  return (
    <Flex vertical gap="middle">
      <CaseHeader c={c} onAction={setAction} />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <CaseTimeline caseId={id} />
        </Col>
        <Col xs={24} lg={10}>
          <Flex vertical gap="middle">
            <CaseFamily c={c} />
            <CaseWorkOrders c={c} />
            <CaseVisits c={c} />
            <CaseAttachments c={c} />
          </Flex>
        </Col>
      </Row>
      {action && (
        <ActionModal
          action={action}
          current={c}
          templates={templates}
          articles={articles}
          onClose={() => {
            setAction(null);
          }}
          onDone={() => {
            setAction(null);
            void message.success(t("case.done"));
          }}
        />
      )}
    </Flex>
  );
}
