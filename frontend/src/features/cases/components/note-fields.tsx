import { Form, Input, Radio } from "antd";
import { useTranslation } from "react-i18next";

/** A note: required (verify) or optional (resume). */
export function NoteField({ required = false, rows = 2 }: { required?: boolean; rows?: number }) {
  const { t } = useTranslation();
  return (
    <Form.Item
      name="note"
      label={t("case.field.note")}
      rules={required ? [{ required: true, message: t("common.required") }] : undefined}
    >
      <Input.TextArea rows={rows} />
    </Form.Item>
  );
}

/** Pause, escalate, de-escalate: the reason, required. */
export function WhyField() {
  const { t } = useTranslation();
  return (
    <Form.Item
      name="why"
      label={t("case.field.why")}
      rules={[{ required: true, message: t("common.required") }]}
    >
      <Input.TextArea rows={3} data-testid="field-why" />
    </Form.Item>
  );
}

/** Comment: the text and who may see it. */
export function CommentFields() {
  const { t } = useTranslation();
  return (
    <>
      <Form.Item
        name="body"
        label={t("case.field.body")}
        rules={[{ required: true, message: t("common.required") }]}
      >
        <Input.TextArea rows={3} />
      </Form.Item>
      <Form.Item name="visibility" label={t("case.field.visibility")}>
        <Radio.Group
          options={(["internal", "public"] as const).map((v) => ({
            value: v,
            label: t(`case.visibility.${v}`),
          }))}
        />
      </Form.Item>
    </>
  );
}
