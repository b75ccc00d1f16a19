import { Alert, Button, Card, Col, Empty, Row, Space, Tabs, Tag, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useCan } from "@/lib/permissions";
import { errorMessage } from "@/lib/problem";
import { LEAD_STATUSES, type Lead, useLeads } from "../api/leads";
import { LeadDrawer } from "./lead-drawer";
import { LeadTable, LostQueue } from "./lead-lists";
import { RegisterLead } from "./register-lead";

/**
 * The leads screen: the board (one column per status), and by permission the designer's own
 * leads, the customer manager's overdue follow-ups and the design manager's lost-lead queue.
 * A lead opens its page in a drawer.
 */
export function LeadBoard({ designer }: { designer: boolean }) {
  const { t } = useTranslation();
  const can = useCan();
  const [open, setOpen] = useState<Lead | null>(null);
  const [registering, setRegistering] = useState(false);
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
      children: <Board leads={all} onOpen={setOpen} />,
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
      <Tabs items={tabs} destroyOnHidden />
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

function Board({ leads, onOpen }: { leads: Lead[]; onOpen: (lead: Lead) => void }) {
  const { t } = useTranslation();
  return (
    <Row gutter={[12, 12]} wrap={false} style={{ overflowX: "auto" }}>
      {LEAD_STATUSES.map((status) => {
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
