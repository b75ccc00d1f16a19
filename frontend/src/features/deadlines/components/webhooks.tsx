import {
  Alert,
  App,
  Button,
  Card,
  Form,
  Input,
  Modal,
  Popconfirm,
  Select,
  Space,
  Switch,
  Table,
  Tag,
  Typography,
} from "antd";
import dayjs from "dayjs";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { components } from "@/api/schema";
import { applyFieldErrors, errorMessage } from "@/lib/problem";
import { useCreateWebhook } from "../api/create-webhook";
import { useDeleteWebhook } from "../api/delete-webhook";
import { useRedeliver } from "../api/redeliver";
import { useUpdateWebhook } from "../api/update-webhook";
import { useDeliveries } from "../api/webhook-deliveries";
import { useWebhooks } from "../api/webhooks";

type Webhook = components["schemas"]["WebhookView"];
type WebhookEvent = components["schemas"]["WebhookEvent"];
type Delivery = components["schemas"]["DeliveryView"];

const EVENTS: readonly WebhookEvent[] = [
  "case_created",
  "case_status_changed",
  "case_escalated",
  "visit_recorded",
  "warning_fired",
];

const DELIVERY_COLORS: Record<string, string> = {
  succeeded: "success",
  failed: "error",
  retrying: "warning",
  pending: "default",
};

interface WebhookValues {
  name: string;
  url: string;
  events: WebhookEvent[];
  active?: boolean;
  secret?: string;
}

function WebhookModal({
  webhook,
  onClose,
  onCreated,
}: {
  webhook: Webhook | null;
  onClose: () => void;
  onCreated: (created: Webhook) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<WebhookValues>();
  const create = useCreateWebhook();
  const update = useUpdateWebhook();
  const required = [{ required: true, message: t("common.required") }];
  const onError = (error: Error) => {
    const rest = applyFieldErrors(form, error);
    void message.error(
      [errorMessage(error, t), ...rest.map((r) => r.errors.join(" "))].filter(Boolean).join("; "),
    );
  };

  const submit = (values: WebhookValues) => {
    const secret = values.secret?.trim() ? values.secret.trim() : null;
    if (webhook) {
      update.mutate(
        {
          id: webhook.id,
          version: webhook.version,
          body: {
            name: values.name,
            url: values.url,
            events: values.events,
            active: values.active ?? true,
            ...(secret ? { secret } : {}),
          },
        },
        { onSuccess: onClose, onError },
      );
    } else {
      create.mutate(
        { name: values.name, url: values.url, events: values.events, secret },
        {
          onSuccess: (created) => {
            onCreated(created);
            onClose();
          },
          onError,
        },
      );
    }
  };

  return (
    <Modal
      open
      title={webhook ? t("webhooks.edit") : t("webhooks.new")}
      okText={t("common.save")}
      cancelText={t("common.cancel")}
      confirmLoading={create.isPending || update.isPending}
      okButtonProps={{ id: "webhook-submit" }}
      onOk={() => {
        form.submit();
      }}
      onCancel={onClose}
      destroyOnHidden
    >
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

function Deliveries({ webhook, onClose }: { webhook: Webhook; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const deliveries = useDeliveries(webhook.id);
  const redeliver = useRedeliver(webhook.id);
  const items = deliveries.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Modal
      open
      width={960}
      title={`${t("webhooks.deliveries")} · ${webhook.name}`}
      footer={null}
      onCancel={onClose}
    >
      <Table<Delivery>
        rowKey="id"
        size="small"
        loading={deliveries.isPending}
        dataSource={items}
        pagination={false}
        scroll={{ x: 820 }}
        locale={{ emptyText: t("webhooks.noDeliveries") }}
        columns={[
          {
            key: "time",
            title: t("webhooks.time"),
            render: (_, d) => dayjs(d.created_at).format("MM-DD HH:mm:ss"),
          },
          {
            key: "event",
            title: t("webhooks.event.title"),
            render: (_, d) => t(`webhooks.event.${d.event}`),
          },
          {
            key: "status",
            title: t("case.field.status"),
            render: (_, d) => (
              <Tag color={DELIVERY_COLORS[d.status] ?? "default"} data-testid="delivery-status">
                {d.status in DELIVERY_COLORS
                  ? t(`webhooks.status.${d.status as "succeeded" | "failed" | "retrying" | "pending"}`)
                  : d.status}
              </Tag>
            ),
          },
          { key: "code", title: t("webhooks.responseCode"), render: (_, d) => d.response_status ?? "—" },
          { key: "attempts", title: t("webhooks.attempts"), dataIndex: "attempts" },
          {
            key: "error",
            title: t("webhooks.error"),
            render: (_, d) => d.error ?? "—",
            ellipsis: true,
          },
          {
            key: "actions",
            title: t("common.actions"),
            render: (_, d) => (
              <Button
                size="small"
                loading={redeliver.isPending && redeliver.variables === d.id}
                onClick={() => {
                  redeliver.mutate(d.id, {
                    onSuccess: () => void message.success(t("webhooks.redelivered")),
                    onError: (error) => void message.error(errorMessage(error, t)),
                  });
                }}
              >
                {t("webhooks.redeliver")}
              </Button>
            ),
          },
        ]}
      />
      {deliveries.hasNextPage && (
        <Button
          style={{ marginTop: 12 }}
          loading={deliveries.isFetchingNextPage}
          onClick={() => {
            void deliveries.fetchNextPage();
          }}
        >
          {t("common.loadMore")}
        </Button>
      )}
    </Modal>
  );
}

/** Webhook subscriptions: create (the secret is shown once), edit, delete, deliveries. */
export function Webhooks() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const webhooks = useWebhooks();
  const update = useUpdateWebhook();
  const remove = useDeleteWebhook();
  const [editing, setEditing] = useState<Webhook | "new" | null>(null);
  const [viewing, setViewing] = useState<Webhook | null>(null);
  const [created, setCreated] = useState<Webhook | null>(null);

  return (
    <Card
      title={t("webhooks.title")}
      extra={
        <Button
          type="primary"
          data-testid="webhook-new"
          onClick={() => {
            setEditing("new");
          }}
        >
          {t("webhooks.new")}
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">{t("webhooks.hint")}</Typography.Paragraph>
      {created && (
        <Alert
          type="success"
          showIcon
          closable
          style={{ marginBottom: 16 }}
          data-testid="webhook-secret"
          message={t("webhooks.secretOnce", { name: created.name })}
          description={
            <Typography.Text code copyable>
              {created.secret}
            </Typography.Text>
          }
          onClose={() => {
            setCreated(null);
          }}
        />
      )}
      <Table<Webhook>
        rowKey="id"
        size="small"
        loading={webhooks.isPending}
        dataSource={webhooks.data?.items ?? []}
        pagination={false}
        scroll={{ x: 900 }}
        columns={[
          { key: "name", title: t("common.name"), dataIndex: "name" },
          { key: "url", title: t("webhooks.url"), dataIndex: "url", ellipsis: true },
          {
            key: "events",
            title: t("webhooks.events"),
            render: (_, w) => (
              <Space size={[0, 4]} wrap>
                {w.events.map((e) => (
                  <Tag key={e}>{t(`webhooks.event.${e}`)}</Tag>
                ))}
              </Space>
            ),
          },
          {
            key: "secret",
            title: t("webhooks.secret"),
            render: (_, w) => <Typography.Text code>{w.secret}</Typography.Text>,
          },
          {
            key: "active",
            title: t("webhooks.active"),
            render: (_, w) => (
              <Switch
                size="small"
                checked={w.active}
                loading={update.isPending && update.variables.id === w.id}
                onChange={(active) => {
                  update.mutate(
                    { id: w.id, version: w.version, body: { active } },
                    { onError: (error) => void message.error(errorMessage(error, t)) },
                  );
                }}
              />
            ),
          },
          {
            key: "actions",
            title: t("common.actions"),
            render: (_, w) => (
              <Space>
                <Button
                  size="small"
                  onClick={() => {
                    setViewing(w);
                  }}
                >
                  {t("webhooks.deliveries")}
                </Button>
                <Button
                  size="small"
                  onClick={() => {
                    setEditing(w);
                  }}
                >
                  {t("common.edit")}
                </Button>
                <Popconfirm
                  title={t("deadlines.confirmDelete")}
                  okText={t("common.delete")}
                  cancelText={t("common.cancel")}
                  onConfirm={() => {
                    remove.mutate(w.id, { onError: (error) => void message.error(errorMessage(error, t)) });
                  }}
                >
                  <Button size="small" danger>
                    {t("common.delete")}
                  </Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]}
      />
      {editing && (
        <WebhookModal
          webhook={editing === "new" ? null : editing}
          onClose={() => {
            setEditing(null);
          }}
          onCreated={setCreated}
        />
      )}
      {viewing && (
        <Deliveries
          webhook={viewing}
          onClose={() => {
            setViewing(null);
          }}
        />
      )}
    </Card>
  );
}
