import { App, Button, Card, Descriptions, List, Segmented, Space, Tag, Typography } from "antd";
import dayjs from "dayjs";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { errorMessage } from "@/lib/problem";
import { useAcceptHandover } from "../api/accept-handover";
import { type Handover, type HandoverStatus, useHandovers } from "../api/handovers";
import { OpenItemsView } from "./open-items";

function HandoverItem({ handover, me }: { handover: Handover; me: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const accept = useAcceptHandover();
  const texts = (["notes", "instructions", "suggestions", "equipment"] as const).filter((k) => handover[k]);
  return (
    <List.Item>
      <Space direction="vertical" style={{ width: "100%" }}>
        <Space wrap>
          <Tag>{t(`handover.shift.${handover.shift}`)}</Tag>
          <Typography.Text>{dayjs(handover.created_at).format("YYYY-MM-DD HH:mm")}</Typography.Text>
          <Tag color={handover.status === "pending" ? "warning" : "success"}>
            {t(`handover.status.${handover.status}`)}
          </Tag>
          {handover.status === "pending" && handover.author_id !== me && (
            <Button
              size="small"
              type="primary"
              loading={accept.isPending}
              onClick={() => {
                accept.mutate(
                  { id: handover.id, version: handover.version, note: null },
                  {
                    onSuccess: () => void message.success(t("handover.accepted")),
                    onError: (error) => void message.error(errorMessage(error, t)),
                  },
                );
              }}
            >
              {t("handover.accept")}
            </Button>
          )}
        </Space>
        {texts.length > 0 && (
          <Descriptions
            size="small"
            column={1}
            items={texts.map((k) => ({ key: k, label: t(`handover.fields.${k}`), children: handover[k] }))}
          />
        )}
        <OpenItemsView items={handover.open_items} />
      </Space>
    </List.Item>
  );
}

/** Handovers of the user's projects: pending ones first to sign, then the log. */
export function HandoverList({ me }: { me: string }) {
  const { t } = useTranslation();
  const [status, setStatus] = useState<HandoverStatus>("pending");
  const handovers = useHandovers(status);
  return (
    <Card
      title={t("handover.log")}
      extra={
        <Segmented
          value={status}
          onChange={(v) => {
            setStatus(v);
          }}
          options={(["pending", "accepted"] as const).map((s) => ({
            value: s,
            label: t(`handover.status.${s}`),
          }))}
        />
      }
    >
      <List
        loading={handovers.isPending}
        dataSource={handovers.data?.items ?? []}
        locale={{ emptyText: t("handover.empty") }}
        renderItem={(h) => <HandoverItem key={h.id} handover={h} me={me} />}
      />
    </Card>
  );
}
