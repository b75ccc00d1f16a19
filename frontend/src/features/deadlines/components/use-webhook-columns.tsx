import { App, Button, Space, Switch, type TableColumnsType, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { components } from "@/api/schema";
import { RowActions } from "@/components/row-actions";
import { errorMessage } from "@/lib/problem";
import { useDeleteWebhook } from "../api/delete-webhook";
import { useUpdateWebhook } from "../api/update-webhook";

type Webhook = components["schemas"]["WebhookView"];

/** The webhook table's columns: name, URL, events, secret, the active switch and the row actions. */
export function useWebhookColumns({
  onEdit,
  onDeliveries,
}: {
  onEdit: (webhook: Webhook) => void;
  onDeliveries: (webhook: Webhook) => void;
}): TableColumnsType<Webhook> {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const update = useUpdateWebhook();
  const remove = useDeleteWebhook();
  return [
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
            onEdit(w);
          }}
          before={
            <Button
              size="small"
              onClick={() => {
                onDeliveries(w);
              }}
            >
              {t("webhooks.deliveries")}
            </Button>
          }
        />
      ),
    },
  ];
}
