import { App, Button, Card, Flex, Input, Modal, Table, Tabs, Typography } from "antd";
import dayjs from "dayjs";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { components } from "@/api/schema";
import { useWarningColumns } from "@/components/warning-columns";
import { errorMessage } from "@/lib/problem";
import { useAcknowledgeWarning } from "../api/acknowledge-warning";
import { useWarnings, type WarningStatus } from "../api/warnings";

type Warning = components["schemas"]["WarningView"];

const time = (value?: string | null) => (value ? dayjs(value).format("YYYY-MM-DD HH:mm") : "—");

function AcknowledgeModal({ warning, onClose }: { warning: Warning; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [note, setNote] = useState("");
  const ack = useAcknowledgeWarning();
  return (
    <Modal
      open
      title={`${t("warnings.acknowledge")} · ${warning.title}`}
      okText={t("common.submit")}
      cancelText={t("common.cancel")}
      confirmLoading={ack.isPending}
      onCancel={onClose}
      onOk={() => {
        ack.mutate(
          { id: warning.id, note: note.trim() === "" ? null : note },
          {
            onSuccess: () => {
              void message.success(t("warnings.acknowledged"));
              onClose();
            },
            onError: (error) => void message.error(errorMessage(error, t)),
          },
        );
      }}
    >
      <Typography.Paragraph>{warning.detail}</Typography.Paragraph>
      <Input.TextArea
        rows={3}
        placeholder={t("warnings.notePlaceholder")}
        aria-label={t("warnings.note")}
        value={note}
        onChange={(e) => {
          setNote(e.target.value);
        }}
      />
    </Modal>
  );
}

/** Fired complaint warnings; supervisors acknowledge them with what is being done. */
export function Warnings() {
  const { t } = useTranslation();
  const [status, setStatus] = useState<WarningStatus>("open");
  const [acknowledging, setAcknowledging] = useState<Warning | null>(null);
  const warnings = useWarnings(status);
  const columns = useWarningColumns();
  const items = warnings.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Card>
      <Tabs
        activeKey={status}
        onChange={(key) => {
          setStatus(key as WarningStatus);
        }}
        items={(["open", "acknowledged"] as const).map((key) => ({
          key,
          label: t(`warnings.status.${key}`),
        }))}
      />
      <Table<Warning>
        rowKey="id"
        size="small"
        loading={warnings.isPending}
        dataSource={items}
        pagination={false}
        scroll={{ x: 900 }}
        locale={{ emptyText: t("warnings.empty") }}
        columns={[
          columns.rule,
          columns.title,
          columns.cases,
          columns.firedAt,
          {
            key: "ack",
            title: t("common.actions"),
            render: (_, w) =>
              w.acknowledged_at ? (
                <Flex vertical>
                  <Typography.Text type="secondary">{time(w.acknowledged_at)}</Typography.Text>
                  {w.ack_note && <span>{w.ack_note}</span>}
                </Flex>
              ) : (
                <Button
                  size="small"
                  type="primary"
                  data-testid="warning-acknowledge"
                  onClick={() => {
                    setAcknowledging(w);
                  }}
                >
                  {t("warnings.acknowledge")}
                </Button>
              ),
          },
        ]}
      />
      {warnings.hasNextPage && (
        <Button
          style={{ marginTop: 12 }}
          loading={warnings.isFetchingNextPage}
          onClick={() => {
            void warnings.fetchNextPage();
          }}
        >
          {t("common.loadMore")}
        </Button>
      )}
      {acknowledging && (
        <AcknowledgeModal
          warning={acknowledging}
          onClose={() => {
            setAcknowledging(null);
          }}
        />
      )}
    </Card>
  );
}
