import { Alert, Button, Card, Table, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { components } from "@/api/schema";
import { useWebhooks } from "../api/webhooks";
import { useWebhookColumns } from "./use-webhook-columns";
import { WebhookDeliveries } from "./webhook-deliveries";
import { WebhookModal } from "./webhook-modal";

type Webhook = components["schemas"]["WebhookView"];

/** Webhook subscriptions: create (the secret is shown once), edit, delete, deliveries. */
export function Webhooks() {
  const { t } = useTranslation();
  const webhooks = useWebhooks();
  const [editing, setEditing] = useState<Webhook | "new" | null>(null);
  const [viewing, setViewing] = useState<Webhook | null>(null);
  const [created, setCreated] = useState<Webhook | null>(null);
  const columns = useWebhookColumns({ onEdit: setEditing, onDeliveries: setViewing });

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
        columns={columns}
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
