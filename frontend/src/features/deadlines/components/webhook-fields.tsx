import { Form, Input, Select, Switch } from "antd";
import { useTranslation } from "react-i18next";
import { EVENTS, type WebhookEvent } from "./webhook-events";

/** A webhook's name, URL and events; "active" when editing; the secret (a new one when editing). */
export function WebhookFields({ editing }: { editing: boolean }) {
  const { t } = useTranslation();
  const required = [{ required: true, message: t("common.required") }];
  return (
    <>
      <Form.Item name="name" label={t("common.name")} rules={required}>
        <Input data-testid="webhook-name" />
      </Form.Item>
      <Form.Item
        name="url"
        label={t("webhooks.url")}
        rules={[...required, { type: "url", message: t("webhooks.badUrl") }]}
      >
        <Input placeholder="https://" data-testid="webhook-url" />
      </Form.Item>
      <Form.Item name="events" label={t("webhooks.events")} rules={required}>
        <Select<WebhookEvent[]>
          mode="multiple"
          data-testid="webhook-events"
          options={EVENTS.map((e) => ({ value: e, label: t(`webhooks.event.${e}`) }))}
        />
      </Form.Item>
      {editing && (
        <Form.Item name="active" label={t("webhooks.active")} valuePropName="checked">
          <Switch />
        </Form.Item>
      )}
      <Form.Item
        name="secret"
        label={editing ? t("webhooks.newSecret") : t("webhooks.secret")}
        extra={t("webhooks.secretHint")}
        rules={[{ min: 16, message: t("webhooks.secretShort") }]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
    </>
  );
}
