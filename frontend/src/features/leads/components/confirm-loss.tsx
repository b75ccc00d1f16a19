import { Alert, Button, Input, Space } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { errorMessage } from "@/lib/problem";
import type { Lead } from "../api/types";
import { useLeadAction } from "../api/lead-action";

/** The design manager's second call on a reported loss: confirm (lost) or reject, with a note. */
export function ConfirmLoss({ lead }: { lead: Lead }) {
  const { t } = useTranslation();
  const action = useLeadAction();
  const [note, setNote] = useState("");
  const decide = (confirm: boolean) => {
    action.mutate({ lead, action: { kind: "confirm", confirm, note: note.trim() } });
  };
  return (
    <Space direction="vertical" style={{ width: "100%" }}>
      <Input.TextArea
        rows={2}
        placeholder={t("leads.confirm.note")}
        value={note}
        onChange={(e) => {
          setNote(e.target.value);
        }}
        data-testid={`confirm-note-${lead.number}`}
      />
      <Space>
        <Button
          danger
          disabled={!note.trim()}
          loading={action.isPending}
          onClick={() => {
            decide(true);
          }}
          data-testid={`confirm-loss-${lead.number}`}
        >
          {t("leads.confirm.yes")}
        </Button>
        <Button
          disabled={!note.trim()}
          loading={action.isPending}
          onClick={() => {
            decide(false);
          }}
          data-testid={`reject-loss-${lead.number}`}
        >
          {t("leads.confirm.no")}
        </Button>
      </Space>
      {action.error && <Alert type="error" showIcon message={errorMessage(action.error, t)} />}
    </Space>
  );
}
