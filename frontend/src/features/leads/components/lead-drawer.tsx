import { Alert, Button, Descriptions, Drawer, Space, Spin, Tabs, Tag } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useCan } from "@/lib/permissions";
import { errorMessage } from "@/lib/problem";
import { type Lead, useLeadAction, useLeadEvents } from "../api/leads";
import { Attribution } from "./attribution";
import { ConfirmLoss } from "./confirm-loss";
import { DispatchDialog } from "./dispatch-dialog";
import { FollowUps } from "./follow-ups";
import { LeadHistory } from "./lead-history";
import { LoseForm } from "./lose-form";
import { lossKindFor } from "./lose-rules";

/** The lead page: details, attribution, follow-ups, history and every action the caller may take. */
export function LeadDrawer({ lead, onClose }: { lead: Lead; onClose: () => void }) {
  const { t } = useTranslation();
  const can = useCan();
  const events = useLeadEvents(lead.id);
  const action = useLeadAction();
  const [dialog, setDialog] = useState<"dispatch" | "reassign" | "lose" | null>(null);
  const dispatcher = can("lead_dispatch");
  const progress = can("lead_progress");
  const step = (kind: "measure" | "propose" | "sign") => {
    action.mutate({ lead, action: { kind } });
  };

  return (
    <Drawer open width={640} title={lead.number} onClose={onClose} data-testid="lead-drawer">
      <Descriptions
        size="small"
        column={1}
        items={[
          {
            key: "status",
            label: t("leads.field.status"),
            children: (
              <Space size={4} wrap>
                <Tag data-testid="lead-status">{t(`leads.status.${lead.status}`)}</Tag>
                {lead.overdue && <Tag color="red">{t("leads.overdue")}</Tag>}
              </Space>
            ),
          },
          {
            key: "customer",
            label: t("leads.field.customer"),
            children: `${lead.customer.name} ${lead.customer.phone}`,
          },
          { key: "address", label: t("leads.field.address"), children: lead.address },
          {
            key: "budget",
            label: t("leads.field.budget"),
            children: `¥${lead.budget} · ${t(`leads.size.${lead.size}`)}${lead.floor_area_m2 ? ` · ${lead.floor_area_m2} m²` : ""}`,
          },
          { key: "planned", label: t("leads.field.plannedOn"), children: lead.planned_on ?? "—" },
          { key: "designer", label: t("leads.field.designer"), children: lead.designer?.name ?? "—" },
          ...(lead.loss
            ? [
                {
                  key: "loss",
                  label: t("leads.field.loss"),
                  children: `${t(`leads.loss.${lead.loss.kind}`)} · ${t(`leads.reason.${lead.loss.reason}`)} — ${lead.loss.customer_statement ?? ""}${lead.loss.note ? ` (${lead.loss.note})` : ""}`,
                },
              ]
            : []),
        ]}
      />
      <Space wrap style={{ margin: "12px 0" }}>
        {dispatcher && lead.status === "new" && (
          <Button
            type="primary"
            onClick={() => {
              setDialog("dispatch");
            }}
            data-testid="dispatch-lead"
          >
            {t("leads.action.dispatch")}
          </Button>
        )}
        {dispatcher && ["dispatched", "measured", "proposal"].includes(lead.status) && (
          <Button
            onClick={() => {
              setDialog("reassign");
            }}
            data-testid="reassign-lead"
          >
            {t("leads.action.reassign")}
          </Button>
        )}
        {progress && lead.status === "dispatched" && (
          <Button
            onClick={() => {
              step("measure");
            }}
            loading={action.isPending}
            data-testid="measure-lead"
          >
            {t("leads.action.measure")}
          </Button>
        )}
        {progress && lead.status === "measured" && (
          <Button
            onClick={() => {
              step("propose");
            }}
            loading={action.isPending}
            data-testid="propose-lead"
          >
            {t("leads.action.propose")}
          </Button>
        )}
        {progress && ["measured", "proposal"].includes(lead.status) && (
          <Button
            type="primary"
            onClick={() => {
              step("sign");
            }}
            loading={action.isPending}
            data-testid="sign-lead"
          >
            {t("leads.action.sign")}
          </Button>
        )}
        {dispatcher && lossKindFor(lead.status) !== null && (
          <Button
            danger
            onClick={() => {
              setDialog("lose");
            }}
            data-testid="lose-lead"
          >
            {t("leads.action.lose")}
          </Button>
        )}
      </Space>
      {action.error && <Alert type="error" showIcon message={errorMessage(action.error, t)} />}
      {can("lead_decide") && lead.status === "lost_pending" && <ConfirmLoss lead={lead} />}
      {events.error && <Alert type="error" showIcon message={errorMessage(events.error, t)} />}
      {events.isLoading ? (
        <Spin />
      ) : (
        <Tabs
          items={[
            {
              key: "follow-ups",
              label: t("leads.tab.followUps"),
              children: <FollowUps lead={lead} events={events.data ?? []} mayWrite={progress} />,
            },
            {
              key: "attribution",
              label: t("leads.tab.attribution"),
              children: <Attribution lead={lead} mayDecide={can("lead_create")} />,
            },
            {
              key: "history",
              label: t("leads.tab.history"),
              children: <LeadHistory events={events.data ?? []} />,
            },
          ]}
        />
      )}
      {(dialog === "dispatch" || dialog === "reassign") && (
        <DispatchDialog
          lead={lead}
          reassign={dialog === "reassign"}
          mayForce={can("lead_decide")}
          onClose={() => {
            setDialog(null);
          }}
        />
      )}
      {dialog === "lose" && (
        <LoseForm
          lead={lead}
          onClose={() => {
            setDialog(null);
          }}
        />
      )}
    </Drawer>
  );
}
