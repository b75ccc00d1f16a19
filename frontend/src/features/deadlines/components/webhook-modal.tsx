import { Form, Modal, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { components } from "@/api/schema";
import { useVersionedForm } from "@/lib/use-versioned-form";
import { useCreateWebhook } from "../api/create-webhook";
import { useUpdateWebhook } from "../api/update-webhook";
import type { WebhookEvent } from "./webhook-events";
import { WebhookFields } from "./webhook-fields";

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
        <WebhookFields editing={webhook !== null} />
      </Form>
    </Modal>
  );
}
