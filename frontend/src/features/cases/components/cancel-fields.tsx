import { Alert, Form, Input, Radio } from "antd";
import { useTranslation } from "react-i18next";
import type { CaseDetail } from "@/lib/types";

/** Cancel: why, the case it duplicates, and a note (required once the case is dispatched). */
export function CancelFields({ current }: { current: CaseDetail }) {
  const { t } = useTranslation();
  const required = [{ required: true, message: t("common.required") }];
  const needsApproval = current.status === "dispatched" || current.status === "in_progress";
  return (
    <>
      <Form.Item name="reason" label={t("case.field.reason")} rules={required}>
        <Radio.Group
          options={(["duplicate", "invalid", "withdrawn"] as const).map((r) => ({
            value: r,
            label: t(`case.cancelReason.${r}`),
          }))}
        />
      </Form.Item>
      <Form.Item name="duplicate_of" label={t("case.field.duplicateOf")}>
        <Input />
      </Form.Item>
      <Form.Item
        name="note"
        label={t("case.field.note")}
        rules={needsApproval ? required : []}
        extra={needsApproval ? t("case.cancelNeedsApproval") : undefined}
      >
        <Input.TextArea rows={2} />
      </Form.Item>
    </>
  );
}

/** Approving or rejecting a cancellation: the request being decided, and a note. */
export function CancelDecisionFields({ current }: { current: CaseDetail }) {
  const { t } = useTranslation();
  return (
    <>
      {current.cancel_request && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          message={t(`case.cancelReason.${current.cancel_request.reason}`)}
          description={current.cancel_request.note}
        />
      )}
      <Form.Item name="note" label={t("case.field.note")}>
        <Input.TextArea rows={2} />
      </Form.Item>
    </>
  );
}
