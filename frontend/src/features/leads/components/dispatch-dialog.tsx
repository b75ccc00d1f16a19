import { Alert, Input, Modal, Space, Switch, Tag, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { errorMessage } from "@/lib/problem";
import { useEligibleDesigners } from "../api/eligible-designers";
import type { Lead } from "../api/types";
import { useLeadAction } from "../api/lead-action";
import { DesignerTable } from "./designer-table";
import { ForceReason } from "./force-reason";

interface DispatchDialogProps {
  lead: Lead;
  /** The design manager may force a dispatch past the rules, with a reason. */
  mayForce: boolean;
  onClose: () => void;
  /** Reassigning a dispatched lead to another designer (the designer explained why not). */
  reassign?: boolean;
}

/** Lists the store's designers with their counts, who may take the lead and why the others not. */
export function DispatchDialog({ lead, mayForce, onClose, reassign = false }: DispatchDialogProps) {
  const { t } = useTranslation();
  const [allLevels, setAllLevels] = useState(false);
  const [chosen, setChosen] = useState<string | null>(null);
  const [reason, setReason] = useState("");
  const [note, setNote] = useState("");
  const designers = useEligibleDesigners(lead.id, allLevels);
  const action = useLeadAction();
  const picked = designers.data?.items.find((d) => d.id === chosen);
  const forcing = picked !== undefined && !picked.eligible;

  const submit = () => {
    if (!chosen) return;
    action.mutate(
      {
        lead,
        action: {
          kind: reassign ? "reassign" : "dispatch",
          designer_id: chosen,
          force_reason: forcing ? reason : undefined,
          note: reassign ? note : undefined,
        },
      },
      { onSuccess: onClose },
    );
  };

  return (
    <Modal
      open
      width={760}
      title={t(reassign ? "leads.dispatch.reassignTitle" : "leads.dispatch.title", { number: lead.number })}
      okText={forcing ? t("leads.dispatch.force") : t("leads.dispatch.submit")}
      okButtonProps={{
        disabled:
          !chosen ||
          chosen === lead.designer?.id ||
          (forcing && (!mayForce || !reason.trim())) ||
          (reassign && !note.trim()),
        loading: action.isPending,
      }}
      onOk={submit}
      onCancel={onClose}
    >
      <Space direction="vertical" style={{ width: "100%" }}>
        <Space>
          <Tag>{t(`leads.size.${lead.size}`)}</Tag>
          <Switch size="small" checked={allLevels} onChange={setAllLevels} />
          <Typography.Text>{t("leads.dispatch.allLevels")}</Typography.Text>
        </Space>
        <DesignerTable
          designers={designers.data?.items ?? []}
          loading={designers.isLoading}
          chosen={chosen}
          onChoose={setChosen}
        />
        {forcing && <ForceReason mayForce={mayForce} reason={reason} onChange={setReason} />}
        {reassign && (
          <Input.TextArea
            placeholder={t("leads.dispatch.reassignNote")}
            value={note}
            onChange={(e) => {
              setNote(e.target.value);
            }}
          />
        )}
        {action.error && <Alert type="error" showIcon message={errorMessage(action.error, t)} />}
      </Space>
    </Modal>
  );
}
