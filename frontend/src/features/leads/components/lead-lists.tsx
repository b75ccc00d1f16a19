import { Alert, Button, Card, Empty, List, Space, Table, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { errorMessage } from "@/lib/problem";
import type { Lead } from "../api/types";
import { useLeads } from "../api/leads";
import { ConfirmLoss } from "./confirm-loss";
import { myLeadsOrder } from "./lead-order";

/**
 * A table of leads: the designer's own ("my leads", every status, open ones due first) or the
 * customer manager's overdue follow-up queue (`overdue`).
 */
export function LeadTable({ overdue, onOpen }: { overdue: boolean; onOpen: (lead: Lead) => void }) {
  const { t } = useTranslation();
  const leads = useLeads(undefined, overdue);
  const items = [...(leads.data?.items ?? [])].sort(myLeadsOrder);
  return (
    <>
      {leads.error && <Alert type="error" showIcon message={errorMessage(leads.error, t)} />}
      <Table<Lead>
        rowKey="id"
        size="small"
        loading={leads.isLoading}
        dataSource={items}
        pagination={false}
        data-testid={overdue ? "overdue-leads" : "my-leads"}
        onRow={(lead) => ({
          onClick: () => {
            onOpen(lead);
          },
        })}
        columns={[
          { title: t("leads.field.number"), dataIndex: "number" },
          { title: t("leads.field.customer"), render: (_, l) => l.customer.name },
          { title: t("leads.field.status"), render: (_, l) => t(`leads.status.${l.status}`) },
          { title: t("leads.field.size"), render: (_, l) => t(`leads.size.${l.size}`) },
          { title: t("leads.field.designer"), render: (_, l) => l.designer?.name ?? "—" },
          {
            title: t("leads.field.followUpDue"),
            render: (_, l) => (
              <Space size={4}>
                {l.follow_up_due_on}
                {l.overdue && <Tag color="red">{t("leads.overdue")}</Tag>}
              </Space>
            ),
          },
        ]}
      />
    </>
  );
}

/** The design manager's queue of reported losses (跑单待确认): statement, reason, decide. */
export function LostQueue({ onOpen }: { onOpen: (lead: Lead) => void }) {
  const { t } = useTranslation();
  const leads = useLeads("lost_pending");
  const items = leads.data?.items ?? [];
  if (leads.error) return <Alert type="error" showIcon message={errorMessage(leads.error, t)} />;
  if (!leads.isLoading && items.length === 0)
    return <Empty description={t("leads.lostQueue.empty")} data-testid="lost-queue" />;
  return (
    <List
      data-testid="lost-queue"
      loading={leads.isLoading}
      dataSource={items}
      renderItem={(lead) => (
        <List.Item key={lead.id}>
          <Card
            size="small"
            style={{ width: "100%" }}
            title={`${lead.number} · ${lead.customer.name}`}
            extra={
              <Button
                type="link"
                onClick={() => {
                  onOpen(lead);
                }}
              >
                {t("leads.lostQueue.open")}
              </Button>
            }
          >
            {lead.loss && (
              <Space direction="vertical" style={{ width: "100%" }}>
                <Space wrap>
                  <Tag color="red">{t(`leads.loss.${lead.loss.kind}`)}</Tag>
                  <Tag>{t(`leads.reason.${lead.loss.reason}`)}</Tag>
                  {lead.status_before_loss && (
                    <Typography.Text type="secondary">
                      {t("leads.lostQueue.from", { status: t(`leads.status.${lead.status_before_loss}`) })}
                    </Typography.Text>
                  )}
                  {lead.designer && <Tag color="blue">{lead.designer.name}</Tag>}
                </Space>
                <Typography.Paragraph style={{ margin: 0 }}>
                  {t("leads.loseForm.statement")}：{lead.loss.customer_statement}
                </Typography.Paragraph>
                <ConfirmLoss lead={lead} />
              </Space>
            )}
          </Card>
        </List.Item>
      )}
    />
  );
}
