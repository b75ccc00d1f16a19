import { App, Button, Card, Form, Input, Radio, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { applyFieldErrors, errorMessage } from "@/lib/problem";
import { type CreateHandover, useCreateHandover } from "../api/create-handover";
import { useSnapshot } from "../api/snapshot";
import { OpenItemsView } from "./open-items";

type Values = Omit<CreateHandover, "project_ids">;

const TEXTS = ["notes", "instructions", "suggestions", "equipment"] as const;

/** Writing a handover: the open items the server will record are shown before saving. */
export function HandoverForm() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const snapshot = useSnapshot();
  const create = useCreateHandover();
  const submit = (values: Values) => {
    const blank = (v?: string | null) => (v?.trim() ? v : null);
    create.mutate(
      {
        shift: values.shift,
        notes: blank(values.notes),
        instructions: blank(values.instructions),
        suggestions: blank(values.suggestions),
        equipment: blank(values.equipment),
      },
      {
        onSuccess: () => {
          void message.success(t("handover.saved"));
          form.resetFields();
        },
        onError: (error) => {
          if (applyFieldErrors(form, error).length > 0) void message.error(errorMessage(error, t));
        },
      },
    );
  };
  return (
    <Card title={t("handover.write")}>
      <Form<Values> form={form} layout="vertical" initialValues={{ shift: "day" }} onFinish={submit}>
        <Form.Item name="shift" label={t("handover.shift.label")} rules={[{ required: true }]}>
          <Radio.Group
            options={(["day", "night", "other"] as const).map((s) => ({
              value: s,
              label: t(`handover.shift.${s}`),
            }))}
          />
        </Form.Item>
        {TEXTS.map((name) => (
          <Form.Item key={name} name={name} label={t(`handover.fields.${name}`)}>
            <Input.TextArea rows={2} maxLength={4000} />
          </Form.Item>
        ))}
        <Typography.Title level={5}>{t("handover.preview")}</Typography.Title>
        {snapshot.data ? (
          <OpenItemsView items={snapshot.data} />
        ) : (
          <Typography.Text type="secondary">
            {snapshot.isError ? errorMessage(snapshot.error, t) : "…"}
          </Typography.Text>
        )}
        <Button type="primary" htmlType="submit" loading={create.isPending} style={{ marginTop: 16 }}>
          {t("handover.save")}
        </Button>
      </Form>
    </Card>
  );
}
