import { Empty, List, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { useApprovals } from "../api/approvals";
import { QueryCard } from "./query-card";

/** What waits for a supervisor's decision or signature, each line linking to its list. */
export function ApprovalsCard() {
  const { t } = useTranslation();
  const approvals = useApprovals();
  return (
    <QueryCard title={t("dashboard.approvals")} query={approvals} testId="card-approvals">
      {(rows) => {
        const waiting = rows.filter((r) => r.count > 0);
        return waiting.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("dashboard.approvalsEmpty")} />
        ) : (
          <List
            size="small"
            dataSource={waiting}
            renderItem={(r) => (
              <List.Item data-testid={`approval-${r.kind}`}>
                <Link to={r.to}>{t(`dashboard.approval.${r.kind}`)}</Link>
                <Typography.Text strong>
                  {r.count}
                  {r.more ? "+" : ""}
                </Typography.Text>
              </List.Item>
            )}
          />
        );
      }}
    </QueryCard>
  );
}
