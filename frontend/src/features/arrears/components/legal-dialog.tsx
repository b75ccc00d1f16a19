import { App, Form, Input, Modal, Radio } from "antd";
import { useTranslation } from "react-i18next";
import { applyFieldErrors, errorMessage } from "@/lib/problem";
import type { Arrears } from "../api/arrears";
import { type LegalDecisionBody, useLegalDecision } from "../api/legal-decision";

/** The manager decides whether a lawyer's letter (律师函) is sent for an arrears at the legal stage. */
export function LegalDialog({ arrears, onClose }: { arrears: Arrears; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<LegalDecisionBody>();
  const decide = useLegalDecision();
  const submit = (body: LegalDecisionBody) => {
    decide.mutate(
      { id: arrears.id, version: arrears.version, body },
      {
        onSuccess: () => {
          void message.success(t("arrears.legal.saved"));
          onClose();
        },
        onError: (error) => {
          if (applyFieldErrors(form, error).length > 0) void message.error(errorMessage(error, t));
        },
      },
    );
  };
  return (
    <Modal
      open
      title={t("arrears.legal.title")}
      okText={t("common.submit")}
      cancelText={t("common.cancel")}
      confirmLoading={decide.isPending}
      onCancel={onClose}
      onOk={() => {
        form.submit();
      }}
    >
      <Form<LegalDecisionBody>
        form={form}
        layout="vertical"
        initialValues={{ decision: arrears.legal?.decision ?? "send_letter" }}
        onFinish={submit}
      >
        <Form.Item name="decision" label={t("arrears.legal.decision")} rules={[{ required: true }]}>
          <Radio.Group
            options={(["send_letter", "hold"] as const).map((d) => ({
              value: d,
              label: t(`arrears.legal.${d}`),
            }))}
          />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t("arrears.legal.reason")}
          rules={[{ required: true, whitespace: true }]}
        >
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
