import { Alert, Descriptions, Drawer, Space, Spin, Tabs, Tag } from "antd";
import { useTranslation } from "react-i18next";
import { useCan } from "@/lib/permissions";
import { errorMessage } from "@/lib/problem";
import type { Lead } from "../api/types";
import { useLeadEvents } from "../api/lead-events";
import { Attribution } from "./attribution";
import { ConfirmLoss } from "./confirm-loss";
import { FollowUps } from "./follow-ups";
import { LeadActions } from "./lead-actions";
import { LeadHistory } from "./lead-history";

function LeadDetails({ lead }: { lead: Lead }) {
  const { t } = useTranslation();
  return (
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
  );
}

/** The lead page: details, actions, follow-ups, attribution and history. */
export function LeadDrawer({ lead, onClose }: { lead: Lead; onClose: () => void }) {
  const { t } = useTranslation();
  const can = useCan();
  const events = useLeadEvents(lead.id);

  return (
    <Drawer open width={640} title={lead.number} onClose={onClose} data-testid="lead-drawer">
      <LeadDetails lead={lead} />
      <LeadActions lead={lead} />
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
              children: <FollowUps lead={lead} events={events.data ?? []} mayWrite={can("lead_progress")} />,
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
    </Drawer>
  );
}
