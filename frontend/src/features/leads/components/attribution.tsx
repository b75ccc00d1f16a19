import { Alert, Button, Descriptions, Input, Space, Tag } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { errorMessage } from "@/lib/problem";
import type { Lead } from "../api/types";
import { useLeadAction } from "../api/lead-action";

/**
 * Who brought the customer, with the evidence and the transfer slip; when the phone had a lead
 * within 90 days, that lead's attribution beside it and (for the customer manager) the decision.
 */
export function Attribution({ lead, mayDecide }: { lead: Lead; mayDecide: boolean }) {
  const { t } = useTranslation();
  const action = useLeadAction();
  const [broughtBy, setBroughtBy] = useState(lead.brought_by ?? "");
  const [note, setNote] = useState("");
  const slip = lead.transfer_slip as {
    number?: string;
    marketing_manager?: string;
    store_manager?: string;
  } | null;
  const earlier = lead.duplicate_of;

  return (
    <Space direction="vertical" style={{ width: "100%" }} data-testid="lead-attribution">
      <Descriptions
        size="small"
        column={1}
        items={[
          { key: "source", label: t("leads.field.source"), children: t(`leads.source.${lead.source}`) },
          { key: "by", label: t("leads.field.broughtBy"), children: lead.brought_by ?? "—" },
          { key: "evidence", label: t("leads.field.evidence"), children: lead.evidence ?? "—" },
          ...(slip
            ? [
                {
                  key: "slip",
                  label: t("leads.field.transferSlip"),
                  children: `${slip.number ?? ""} · ${slip.marketing_manager ?? ""} / ${slip.store_manager ?? ""}`,
                },
              ]
            : []),
          ...(lead.attribution_note
            ? [{ key: "decision", label: t("leads.attribution.decision"), children: lead.attribution_note }]
            : []),
        ]}
      />
      {earlier && (
        <Alert
          type="warning"
          showIcon
          data-testid="duplicate-flag"
          message={t("leads.attribution.duplicate", {
            number: earlier.number,
            date: new Date(earlier.created_at).toLocaleDateString(),
          })}
          description={
            <Space wrap>
              <Tag>{t(`leads.source.${earlier.source}`)}</Tag>
              {t("leads.field.broughtBy")}: {earlier.brought_by ?? "—"}
            </Space>
          }
        />
      )}
      {earlier && mayDecide && (
        <Space direction="vertical" style={{ width: "100%" }}>
          <Input
            value={broughtBy}
            placeholder={t("leads.field.broughtBy")}
            onChange={(e) => {
              setBroughtBy(e.target.value);
            }}
          />
          <Input.TextArea
            rows={2}
            value={note}
            placeholder={t("leads.attribution.note")}
            onChange={(e) => {
              setNote(e.target.value);
            }}
          />
          <Button
            disabled={!broughtBy.trim() || !note.trim()}
            loading={action.isPending}
            onClick={() => {
              action.mutate({
                lead,
                action: { kind: "attribution", brought_by: broughtBy.trim(), note: note.trim() },
              });
            }}
          >
            {t("leads.attribution.decide")}
          </Button>
          {action.error && <Alert type="error" showIcon message={errorMessage(action.error, t)} />}
        </Space>
      )}
    </Space>
  );
}
