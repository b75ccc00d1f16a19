import { Alert, Form, Input, Modal, Radio, Select, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { errorMessage } from "@/lib/problem";
import type { Lead, LossKind, LossReason } from "../api/types";
import { useLeadAction } from "../api/lead-action";
import { LOSS_REASONS, lossKindFor } from "./lose-rules";

/**
 * Reports a lead lost (跑单): the kind follows the lead's stage (invalid before measuring,
 * failed signing after — the other kind is shown but disabled, with the rule), the reason
 * must fit the kind, and the customer's own statement is required.
 */
export function LoseForm({ lead, onClose }: { lead: Lead; onClose: () => void }) {
  const { t } = useTranslation();
  const action = useLeadAction();
  const allowed = lossKindFor(lead.status);
  const [kind, setKind] = useState<LossKind | null>(allowed);
  const [reason, setReason] = useState<LossReason | undefined>(undefined);
  const [statement, setStatement] = useState("");
  const reasons = kind ? LOSS_REASONS[kind] : [];
  const ready = kind !== null && reason !== undefined && reasons.includes(reason) && statement.trim() !== "";

  return (
    <Modal
      open
      title={t("leads.action.lose")}
      okText={t("leads.loseForm.submit")}
      okButtonProps={{ disabled: !ready, loading: action.isPending }}
      onCancel={onClose}
      onOk={() => {
        if (!kind || !reason) return;
        action.mutate(
          { lead, action: { kind: "lose", loss: kind, reason, statement: statement.trim() } },
          { onSuccess: onClose },
        );
      }}
    >
      <Form layout="vertical">
        <Form.Item label={t("leads.loseForm.kind")} extra={t("leads.loseForm.rule")}>
          <Radio.Group
            value={kind}
            onChange={(e) => {
              setKind(e.target.value as LossKind);
              setReason(undefined);
            }}
          >
            {(["invalid", "failed_signing"] as const).map((k) => (
              <Radio key={k} value={k} disabled={k !== allowed} data-testid={`loss-kind-${k}`}>
                {t(`leads.loss.${k}`)}
              </Radio>
            ))}
          </Radio.Group>
        </Form.Item>
        {allowed === null && <Alert type="warning" showIcon message={t("leads.loseForm.notAllowed")} />}
        <Form.Item label={t("leads.loseForm.reason")} required>
          <Select<LossReason>
            value={reason}
            placeholder={t("leads.loseForm.reason")}
            onChange={setReason}
            data-testid="loss-reason"
            options={reasons.map((r) => ({ value: r, label: t(`leads.reason.${r}`) }))}
          />
        </Form.Item>
        <Form.Item label={t("leads.loseForm.statement")} required>
          <Input.TextArea
            rows={3}
            value={statement}
            onChange={(e) => {
              setStatement(e.target.value);
            }}
            placeholder={t("leads.loseForm.statementHint")}
            data-testid="loss-statement"
          />
        </Form.Item>
        <Typography.Text type="secondary">{t("leads.loseForm.confirmNext")}</Typography.Text>
      </Form>
      {action.error && <Alert type="error" showIcon message={errorMessage(action.error, t)} />}
    </Modal>
  );
}
