import { Alert, Button, Space } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useCan } from "@/lib/permissions";
import { errorMessage } from "@/lib/problem";
import type { Lead } from "../api/types";
import { useLeadAction } from "../api/lead-action";
import { DispatchDialog } from "./dispatch-dialog";
import { LoseForm } from "./lose-form";
import { lossKindFor } from "./lose-rules";

type Dialog = "dispatch" | "reassign" | "lose";
type Step = "measure" | "propose" | "sign";

interface ActionButton {
  key: Dialog | Step;
  show: boolean;
  primary?: boolean;
  danger?: boolean;
}

/** The buttons of the lead page, by permission and status, and the dialogs they open. */
export function LeadActions({ lead }: { lead: Lead }) {
  const { t } = useTranslation();
  const can = useCan();
  const action = useLeadAction();
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const dispatcher = can("lead_dispatch");
  const progress = can("lead_progress");
  const close = () => {
    setDialog(null);
  };
  const buttons: ActionButton[] = [
    { key: "dispatch", show: dispatcher && lead.status === "new", primary: true },
    { key: "reassign", show: dispatcher && ["dispatched", "measured", "proposal"].includes(lead.status) },
    { key: "measure", show: progress && lead.status === "dispatched" },
    { key: "propose", show: progress && lead.status === "measured" },
    { key: "sign", show: progress && ["measured", "proposal"].includes(lead.status), primary: true },
    { key: "lose", show: dispatcher && lossKindFor(lead.status) !== null, danger: true },
  ];
  const run = (key: Dialog | Step) => {
    if (key === "measure" || key === "propose" || key === "sign")
      action.mutate({ lead, action: { kind: key } });
    else setDialog(key);
  };

  return (
    <>
      <Space wrap style={{ margin: "12px 0" }}>
        {buttons
          .filter((b) => b.show)
          .map((b) => (
            <Button
              key={b.key}
              type={b.primary ? "primary" : "default"}
              danger={b.danger}
              loading={action.isPending && ["measure", "propose", "sign"].includes(b.key)}
              onClick={() => {
                run(b.key);
              }}
              data-testid={`${b.key}-lead`}
            >
              {t(`leads.action.${b.key}`)}
            </Button>
          ))}
      </Space>
      {action.error && <Alert type="error" showIcon message={errorMessage(action.error, t)} />}
      {(dialog === "dispatch" || dialog === "reassign") && (
        <DispatchDialog
          lead={lead}
          reassign={dialog === "reassign"}
          mayForce={can("lead_decide")}
          onClose={close}
        />
      )}
      {dialog === "lose" && <LoseForm lead={lead} onClose={close} />}
    </>
  );
}
