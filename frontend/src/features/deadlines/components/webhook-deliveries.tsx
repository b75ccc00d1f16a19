import { App, Button, Modal, Table, Tag } from "antd";
import dayjs from "dayjs";
import { useTranslation } from "react-i18next";
import type { components } from "@/api/schema";
import { errorMessage } from "@/lib/problem";
import { useRedeliver } from "../api/redeliver";
import { useDeliveries } from "../api/webhook-deliveries";

type Webhook = components["schemas"]["WebhookView"];
type Delivery = components["schemas"]["DeliveryView"];

const DELIVERY_COLORS: Record<string, string> = {
  succeeded: "success",
  failed: "error",
  retrying: "warning",
  pending: "default",
};

/** The deliveries of one subscription, newest first, each with "send again". */
export function WebhookDeliveries({ webhook, onClose }: { webhook: Webhook; onClose: () => void }) {
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
