import { Form, Input, Modal, Select, Switch, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { components } from "@/api/schema";
import { useVersionedForm } from "@/lib/use-versioned-form";
import { useCreateWebhook } from "../api/create-webhook";
import { useUpdateWebhook } from "../api/update-webhook";
import { EVENTS, type WebhookEvent } from "./webhook-events";

type Webhook = components["schemas"]["WebhookView"];

interface WebhookValues {
  name: string;
  url: string;
  events: WebhookEvent[];
  active?: boolean;
  secret?: string;
}

/**
 * Subscribes a URL, or edits `webhook` (sent with its version). A new subscription is handed to
 * `onCreated`: its answer is the only one that shows the secret in full.
 */
export function WebhookModal({
  webhook,
  onClose,
  onCreated,
}: {
  webhook: Webhook | null;
  onClose: () => void;
  onCreated: (created: Webhook) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<WebhookValues>();
  const create = useCreateWebhook();
  const update = useUpdateWebhook();
  const { save, problem, saving } = useVersionedForm({
    form,
    row: webhook,
    create,
    update,
    onSaved: (saved, created) => {
      if (created) onCreated(saved);
      onClose();
    },
  });
  const required = [{ required: true, message: t("common.required") }];

  const submit = (values: WebhookValues) => {
    const secret = values.secret?.trim() ? values.secret.trim() : null;
    save({
      create: { name: values.name, url: values.url, events: values.events, secret },
      update: {
        name: values.name,
        url: values.url,
        events: values.events,
        active: values.active ?? true,
        ...(secret ? { secret } : {}),
      },
    });
  };

  return (
    <Modal
      open
      title={webhook ? t("webhooks.edit") : t("webhooks.new")}
      okText={t("common.save")}
      cancelText={t("common.cancel")}
      confirmLoading={saving}
      okButtonProps={{ id: "webhook-submit" }}
      onOk={() => {
        form.submit();
      }}
      onCancel={onClose}
      destroyOnHidden
    >
      {problem && (
        <Typography.Paragraph type="danger" data-testid="webhook-problem">
          {problem}
        </Typography.Paragraph>
      )}
      <Form<WebhookValues>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={
          webhook
            ? { name: webhook.name, url: webhook.url, events: webhook.events, active: webhook.active }
            : { events: ["case_created", "case_status_changed"], active: true }
        }
      >
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
        {webhook && (
          <Form.Item name="active" label={t("webhooks.active")} valuePropName="checked">
            <Switch />
          </Form.Item>
        )}
        <Form.Item
          name="secret"
          label={webhook ? t("webhooks.newSecret") : t("webhooks.secret")}
          extra={t("webhooks.secretHint")}
          rules={[{ min: 16, message: t("webhooks.secretShort") }]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
