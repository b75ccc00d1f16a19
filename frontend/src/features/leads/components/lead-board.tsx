import {
  Alert,
  Button,
  Card,
  Col,
  Descriptions,
  Drawer,
  Empty,
  Input,
  Modal,
  Row,
  Select,
  Space,
  Tag,
  Typography,
} from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Role } from "@/lib/auth";
import { errorMessage } from "@/lib/problem";
import { LEAD_STATUSES, type Lead, useLeadAction, useLeads } from "../api/leads";
import { DispatchDialog } from "./dispatch-dialog";
import { RegisterLead } from "./register-lead";

const MANAGERS: readonly Role[] = ["admin", "manager", "supervisor"];
const DISPATCHERS: readonly Role[] = [...MANAGERS, "customer_manager"];
const INVALID_REASONS = ["false_data", "not_decorating", "budget_too_low", "other"] as const;
const FAILED_REASONS = ["price", "service", "technical", "competition", "customer", "other"] as const;

/** The lead board: one column per status; a lead opens its actions in a drawer. */
export function LeadBoard({ role }: { role: Role }) {
  const { t } = useTranslation();
  const leads = useLeads();
  const [open, setOpen] = useState<Lead | null>(null);
  const [registering, setRegistering] = useState(false);
  const all = leads.data?.items ?? [];
  const current = open ? (all.find((l) => l.id === open.id) ?? open) : null;

  return (
    <Space direction="vertical" style={{ width: "100%" }}>
      {DISPATCHERS.includes(role) && (
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
      <Row gutter={[12, 12]} wrap={false} style={{ overflowX: "auto" }}>
        {LEAD_STATUSES.map((status) => {
          const column = all.filter((l) => l.status === status);
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
                      setOpen(l);
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
      {current && (
        <LeadDrawer
          lead={current}
          role={role}
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

function LeadDrawer({ lead, role, onClose }: { lead: Lead; role: Role; onClose: () => void }) {
  const { t } = useTranslation();
  const action = useLeadAction();
  const [dispatching, setDispatching] = useState(false);
  const [losing, setLosing] = useState(false);
  const [note, setNote] = useState("");
  const measuredOrLater = ["measured", "proposal", "signed"].includes(lead.status);
  const [reason, setReason] = useState<string>("other");
  const [statement, setStatement] = useState("");
  const dispatcher = DISPATCHERS.includes(role);
  const manager = MANAGERS.includes(role);

  return (
    <Drawer open width={520} title={lead.number} onClose={onClose}>
      <Descriptions
        size="small"
        column={1}
        items={[
          { key: "status", label: t("leads.field.status"), children: t(`leads.status.${lead.status}`) },
          {
            key: "customer",
            label: t("leads.field.customer"),
            children: `${lead.customer.name} ${lead.customer.phone}`,
          },
          { key: "address", label: t("leads.field.address"), children: lead.address },
          {
            key: "budget",
            label: t("leads.field.budget"),
            children: `¥${lead.budget} · ${t(`leads.size.${lead.size}`)}`,
          },
          { key: "designer", label: t("leads.field.designer"), children: lead.designer?.name ?? "—" },
          { key: "due", label: t("leads.field.followUpDue"), children: lead.follow_up_due_on },
          ...(lead.loss
            ? [
                {
                  key: "loss",
                  label: t("leads.field.loss"),
                  children: `${t(`leads.loss.${lead.loss.kind}`)} · ${t(`leads.reason.${lead.loss.reason}`)} — ${lead.loss.customer_statement ?? ""}`,
                },
              ]
            : []),
        ]}
      />
      <Space wrap style={{ marginTop: 16 }}>
        {dispatcher && lead.status === "new" && (
          <Button
            type="primary"
            onClick={() => {
              setDispatching(true);
            }}
            data-testid="dispatch-lead"
          >
            {t("leads.action.dispatch")}
          </Button>
        )}
        {lead.status === "dispatched" && (
          <Button
            onClick={() => {
              action.mutate({ lead, action: { kind: "measure" } });
            }}
            data-testid="measure-lead"
          >
            {t("leads.action.measure")}
          </Button>
        )}
        {dispatcher && ["new", "dispatched", "measured", "proposal", "signed"].includes(lead.status) && (
          <Button
            danger
            onClick={() => {
              setLosing(true);
            }}
            data-testid="lose-lead"
          >
            {t("leads.action.lose")}
          </Button>
        )}
      </Space>
      {manager && lead.status === "lost_pending" && (
        <Space direction="vertical" style={{ width: "100%", marginTop: 16 }}>
          <Input.TextArea
            placeholder={t("leads.confirm.note")}
            value={note}
            onChange={(e) => {
              setNote(e.target.value);
            }}
          />
          <Space>
            <Button
              danger
              disabled={!note.trim()}
              onClick={() => {
                action.mutate({ lead, action: { kind: "confirm", confirm: true, note } });
              }}
              data-testid="confirm-loss"
            >
              {t("leads.confirm.yes")}
            </Button>
            <Button
              disabled={!note.trim()}
              onClick={() => {
                action.mutate({ lead, action: { kind: "confirm", confirm: false, note } });
              }}
            >
              {t("leads.confirm.no")}
            </Button>
          </Space>
        </Space>
      )}
      {action.error && (
        <Alert style={{ marginTop: 16 }} type="error" showIcon message={errorMessage(action.error, t)} />
      )}
      {dispatching && (
        <DispatchDialog
          lead={lead}
          mayForce={manager}
          onClose={() => {
            setDispatching(false);
          }}
        />
      )}
      <Modal
        open={losing}
        title={t("leads.action.lose")}
        okButtonProps={{ disabled: !statement.trim(), loading: action.isPending }}
        onCancel={() => {
          setLosing(false);
        }}
        onOk={() => {
          action.mutate(
            {
              lead,
              action: {
                kind: "lose",
                loss: measuredOrLater ? "failed_signing" : "invalid",
                reason: reason as (typeof FAILED_REASONS)[number],
                statement,
              },
            },
            {
              onSuccess: () => {
                setLosing(false);
              },
            },
          );
        }}
      >
        <Space direction="vertical" style={{ width: "100%" }}>
          <Tag>{t(`leads.loss.${measuredOrLater ? "failed_signing" : "invalid"}`)}</Tag>
          <Select
            style={{ width: "100%" }}
            value={reason}
            onChange={setReason}
            data-testid="loss-reason"
            options={(measuredOrLater ? FAILED_REASONS : INVALID_REASONS).map((r) => ({
              value: r,
              label: t(`leads.reason.${r}`),
            }))}
          />
          <Input.TextArea
            placeholder={t("leads.loseForm.statement")}
            value={statement}
            onChange={(e) => {
              setStatement(e.target.value);
            }}
            data-testid="loss-statement"
          />
        </Space>
      </Modal>
    </Drawer>
  );
}
