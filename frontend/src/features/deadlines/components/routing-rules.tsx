import { Alert, Button, Card, Empty, Table, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { components } from "@/api/schema";
import { errorMessage } from "@/lib/problem";
import { useRoutingRules } from "../api/routing-rules";
import { ReadOnlyNotice } from "./read-only-notice";
import { RoutingRuleModal } from "./routing-rule-modal";
import { useRoutingRuleColumns } from "./use-routing-rule-columns";

type Rule = components["schemas"]["RoutingRuleView"];

/**
 * Routing rules: which department a new case of a category (and optionally kind, severity,
 * project) is proposed to, and whether it is dispatched at registration. Without `editable`
 * (no `config_manage`) the table is read-only.
 */
export function RoutingRules({ editable }: { editable: boolean }) {
  const { t } = useTranslation();
  const rules = useRoutingRules();
  const [editing, setEditing] = useState<Rule | "new" | null>(null);
  const columns = useRoutingRuleColumns({ editable, onEdit: setEditing });

  return (
    <Card
      title={t("routing.title")}
      extra={
        editable && (
          <Button
            type="primary"
            data-testid="routing-new"
            onClick={() => {
              setEditing("new");
            }}
          >
            {t("routing.new")}
          </Button>
        )
      }
    >
      {!editable && <ReadOnlyNotice />}
      <Typography.Paragraph type="secondary">{t("routing.hint")}</Typography.Paragraph>
      {rules.isError ? (
        <Alert
          type="error"
          showIcon
          data-testid="routing-error"
          message={errorMessage(rules.error, t)}
          action={
            <Button
              size="small"
              onClick={() => {
                void rules.refetch();
              }}
            >
              {t("common.retry")}
            </Button>
          }
        />
      ) : (
        <Table<Rule>
          rowKey="id"
          size="small"
          data-testid="routing-table"
          loading={rules.isPending}
          dataSource={rules.data?.items ?? []}
          pagination={false}
          scroll={{ x: 900 }}
          locale={{ emptyText: <Empty description={t("routing.empty")} /> }}
          columns={columns}
        />
      )}
      {editing && (
        <RoutingRuleModal
          rule={editing === "new" ? null : editing}
          onClose={() => {
            setEditing(null);
          }}
        />
      )}
    </Card>
  );
}
