import { Alert, Input, Modal, Radio, Space, Switch, Table, Tag, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { errorMessage } from "@/lib/problem";
import { type EligibleDesigner, useEligibleDesigners } from "../api/eligible-designers";
import type { Lead } from "../api/types";
import { useLeadAction } from "../api/lead-action";

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
        <Table<EligibleDesigner>
          rowKey="id"
          size="small"
          pagination={false}
          loading={designers.isLoading}
          dataSource={designers.data?.items ?? []}
          data-testid="eligible-designers"
          columns={[
            {
              key: "pick",
              width: 40,
              render: (_, d) => (
                <Radio
                  checked={chosen === d.id}
                  onChange={() => {
                    setChosen(d.id);
                  }}
                  aria-label={d.name}
                />
              ),
            },
            { title: t("leads.dispatch.designer"), dataIndex: "name" },
            { title: t("leads.dispatch.level"), render: (_, d) => t(`leads.level.${d.level}`) },
            { title: t("leads.dispatch.today"), dataIndex: "today" },
            { title: t("leads.dispatch.week"), dataIndex: "this_week" },
            { title: t("leads.dispatch.inHand"), dataIndex: "in_hand" },
            {
              title: t("leads.dispatch.eligible"),
              render: (_, d) =>
                d.eligible ? (
                  <Tag color="green">{t("leads.dispatch.yes")}</Tag>
                ) : (
                  <Space size={2} wrap>
                    {d.reasons.map((r) => (
                      <Tag color="red" key={r}>
                        {t(`leads.rule.${r}`)}
                      </Tag>
                    ))}
                  </Space>
                ),
            },
          ]}
        />
        {forcing &&
          (mayForce ? (
            <Input.TextArea
              placeholder={t("leads.dispatch.forceReason")}
              value={reason}
              onChange={(e) => {
                setReason(e.target.value);
              }}
            />
          ) : (
            <Alert type="warning" showIcon message={t("leads.dispatch.onlyManagerForces")} />
          ))}
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
