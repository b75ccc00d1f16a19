import { Alert, App, Button, Card, Space, Switch, Table, Tag, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { components } from "@/api/schema";
import { RowActions } from "@/components/row-actions";
import { errorMessage } from "@/lib/problem";
import { useDeleteWebhook } from "../api/delete-webhook";
import { useUpdateWebhook } from "../api/update-webhook";
import { useWebhooks } from "../api/webhooks";
import { WebhookDeliveries } from "./webhook-deliveries";
import { WebhookModal } from "./webhook-modal";

type Webhook = components["schemas"]["WebhookView"];

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
              <RowActions
                id={w.id}
                remove={remove}
                confirmDelete={t("deadlines.confirmDelete")}
                onEdit={() => {
                  setEditing(w);
                }}
                before={
                  <Button
                    size="small"
                    onClick={() => {
                      setViewing(w);
                    }}
                  >
                    {t("webhooks.deliveries")}
                  </Button>
                }
              />
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
        <WebhookDeliveries
          webhook={viewing}
          onClose={() => {
            setViewing(null);
          }}
        />
      )}
    </Card>
  );
}
