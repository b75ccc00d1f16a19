import { Alert, Button, DatePicker, Form, Input, Select, Space } from "antd";
import type { Dayjs } from "dayjs";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { errorMessage } from "@/lib/problem";
import { type FollowUp, useLeadAction } from "../api/lead-action";
import type { Lead } from "../api/types";

const CHANNELS: readonly FollowUp["channel"][] = ["phone", "visit", "wechat", "store", "other"];
const INTENTS = ["intent", "valid_intent", "visited"] as const;

/** Records the next follow-up of a lead: channel, intent, next date and a note. */
export function FollowUpForm({ lead }: { lead: Lead }) {
  const { t } = useTranslation();
  const action = useLeadAction();
  const [channel, setChannel] = useState<FollowUp["channel"]>("phone");
  const [note, setNote] = useState("");
  const [nextOn, setNextOn] = useState<Dayjs | null>(null);
  const [intent, setIntent] = useState<FollowUp["intent"]>(null);

  const submit = () => {
    action.mutate(
      {
        lead,
        action: {
          kind: "follow_up",
          follow_up: { channel, note: note.trim(), next_on: nextOn?.format("YYYY-MM-DD") ?? null, intent },
        },
      },
      {
        onSuccess: () => {
          setNote("");
          setNextOn(null);
          setIntent(null);
        },
      },
    );
  };

  return (
    <Form layout="vertical" size="small">
      <Space wrap>
        <Select
          style={{ width: 120 }}
          value={channel}
          onChange={setChannel}
          aria-label={t("leads.followUp.channel")}
          options={CHANNELS.map((c) => ({ value: c, label: t(`leads.channel.${c}`) }))}
        />
        <Select
          style={{ width: 140 }}
          allowClear
          value={intent ?? undefined}
          placeholder={t("leads.followUp.intent")}
          onChange={(v: FollowUp["intent"] | undefined) => {
            setIntent(v ?? null);
          }}
          options={INTENTS.map((i) => ({ value: i, label: t(`leads.intent.${i}`) }))}
        />
        <DatePicker value={nextOn} onChange={setNextOn} placeholder={t("leads.followUp.next")} />
      </Space>
      <Input.TextArea
        style={{ marginTop: 8 }}
        rows={2}
        value={note}
        placeholder={t("leads.followUp.note")}
        onChange={(e) => {
          setNote(e.target.value);
        }}
        data-testid="follow-up-note"
      />
      <Button
        style={{ marginTop: 8 }}
        type="primary"
        disabled={!note.trim()}
        loading={action.isPending}
        onClick={submit}
        data-testid="follow-up-submit"
      >
        {t("leads.followUp.submit")}
      </Button>
      {action.error && <Alert type="error" showIcon message={errorMessage(action.error, t)} />}
    </Form>
  );
}
