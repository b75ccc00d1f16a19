import { Alert, Button, Card, Col, Empty, Row, Select, Space, Tabs, Tag, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router-dom";
import { useCan } from "@/lib/permissions";
import { errorMessage } from "@/lib/problem";
import { LEAD_STATUSES, type Lead, type LeadStatus } from "../api/types";
import { useLeads } from "../api/leads";
import { LeadDrawer } from "./lead-drawer";
import { LeadTable, LostQueue } from "./lead-lists";
import { RegisterLead } from "./register-lead";

/**
 * The leads screen: the board (one column per status), and by permission the designer's own
 * leads, the customer manager's overdue follow-ups and the design manager's lost-lead queue.
 * A lead opens its page in a drawer. A link may preselect the status (`?status=lost_pending`, from
 * the supervisor's approvals card): the board shows that status, and a design manager starts on
 * the lost-lead queue.
 */
export function LeadBoard({ designer }: { designer: boolean }) {
  const { t } = useTranslation();
  const can = useCan();
  const [open, setOpen] = useState<Lead | null>(null);
  const [registering, setRegistering] = useState(false);
  const [params] = useSearchParams();
  const linked = LEAD_STATUSES.find((s) => s === params.get("status"));
  const [status, setStatus] = useState<LeadStatus | undefined>(linked);
  const leads = useLeads();
  const all = leads.data?.items ?? [];
  const current = open ? (all.find((l) => l.id === open.id) ?? open) : null;

  const tabs = [
    ...(designer
      ? [
          {
            key: "mine",
            label: t("leads.tab.mine"),
            children: <LeadTable overdue={false} onOpen={setOpen} />,
          },
        ]
      : []),
    {
      key: "board",
      label: t("leads.tab.board"),
      children: <Board leads={all} onOpen={setOpen} status={status} onStatus={setStatus} />,
    },
    ...(can("lead_create")
      ? [{ key: "overdue", label: t("leads.tab.overdue"), children: <LeadTable overdue onOpen={setOpen} /> }]
      : []),
    ...(can("lead_decide")
      ? [{ key: "lost", label: t("leads.tab.lostQueue"), children: <LostQueue onOpen={setOpen} /> }]
      : []),
  ];

  return (
    <Space direction="vertical" style={{ width: "100%" }}>
      {can("lead_create") && (
        <Button
          type="primary"
          onClick={() => {
            setRegistering(true);
          }}
          data-testid="register-lead"
        >
          {t("leads.register.open")}
        </Button>
      )}
      {leads.error && <Alert type="error" showIcon message={errorMessage(leads.error, t)} />}
      <Tabs
        items={tabs}
        defaultActiveKey={linked === "lost_pending" && can("lead_decide") ? "lost" : undefined}
        destroyOnHidden
      />
      {current && (
        <LeadDrawer
          lead={current}
          onClose={() => {
            setOpen(null);
          }}
        />
      )}
      {registering && (
        <RegisterLead
          onClose={() => {
            setRegistering(false);
          }}
        />
      )}
    </Space>
  );
}

interface BoardProps {
  leads: Lead[];
  onOpen: (lead: Lead) => void;
  /** Only this status's column (all columns when absent). */
  status?: LeadStatus;
  onStatus: (status: LeadStatus | undefined) => void;
}

function Board({ leads, onOpen, status: only, onStatus }: BoardProps) {
  const { t } = useTranslation();
  return (
    <Space direction="vertical" style={{ width: "100%" }}>
      <Select<LeadStatus>
        allowClear
        style={{ minWidth: 160 }}
        placeholder={t("leads.field.status")}
        value={only}
        onChange={(value) => {
          onStatus(value);
        }}
        options={LEAD_STATUSES.map((s) => ({ value: s, label: t(`leads.status.${s}`) }))}
        data-testid="lead-status-filter"
      />
      <Columns leads={leads} onOpen={onOpen} statuses={only ? [only] : LEAD_STATUSES} />
    </Space>
  );
}

function Columns({
  leads,
  onOpen,
  statuses,
}: {
  leads: Lead[];
  onOpen: (lead: Lead) => void;
  statuses: readonly LeadStatus[];
}) {
  const { t } = useTranslation();
  return (
    <Row gutter={[12, 12]} wrap={false} style={{ overflowX: "auto" }}>
      {statuses.map((status) => {
        const column = leads.filter((l) => l.status === status);
        return (
          <Col key={status} flex="0 0 220px">
            <Card
              size="small"
              title={`${t(`leads.status.${status}`)} (${column.length})`}
              data-testid={`column-${status}`}
            >
              {column.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={false} />}
              {column.map((l) => (
                <Card
                  key={l.id}
                  size="small"
                  hoverable
                  style={{ marginBottom: 8 }}
                  onClick={() => {
                    onOpen(l);
                  }}
                >
                  <Typography.Text strong>{l.number}</Typography.Text>
                  <div>{l.customer.name}</div>
                  <Space size={2} wrap>
                    <Tag>{t(`leads.size.${l.size}`)}</Tag>
                    {l.designer && <Tag color="blue">{l.designer.name}</Tag>}
                    {l.overdue && <Tag color="red">{t("leads.overdue")}</Tag>}
                    {l.duplicate_of && <Tag color="orange">{t("leads.duplicate")}</Tag>}
                  </Space>
                </Card>
              ))}
            </Card>
          </Col>
        );
      })}
    </Row>
  );
}
