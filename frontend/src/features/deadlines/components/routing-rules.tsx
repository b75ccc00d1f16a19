import { Alert, Button, Card, Empty, Table, type TableColumnType, Tag, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { components } from "@/api/schema";
import { RowActions } from "@/components/row-actions";
import { errorMessage } from "@/lib/problem";
import { useDeleteRoutingRule } from "../api/delete-routing-rule";
import { useRoutingRules } from "../api/routing-rules";
import { ReadOnlyNotice } from "./read-only-notice";
import { RoutingRuleModal } from "./routing-rule-modal";
import { useRoutingNames } from "./use-routing-names";

type Rule = components["schemas"]["RoutingRuleView"];

/**
 * Routing rules: which department a new case of a category (and optionally kind, severity,
 * project) is proposed to, and whether it is dispatched at registration. Without `editable`
 * (no `config_manage`) the table is read-only.
 */
export function RoutingRules({ editable }: { editable: boolean }) {
  const { t } = useTranslation();
  const rules = useRoutingRules();
  const names = useRoutingNames();
  const remove = useDeleteRoutingRule();
  const [editing, setEditing] = useState<Rule | "new" | null>(null);
  const name = (list: { id: string; name: string }[], id: string) =>
    list.find((x) => x.id === id)?.name ?? "…";
  const actionsColumn: TableColumnType<Rule> = {
    key: "actions",
    title: t("common.actions"),
    fixed: "right",
    render: (_, r) => (
      <RowActions
        id={r.id}
        remove={remove}
        confirmDelete={t("routing.confirmDelete")}
        onEdit={() => {
          setEditing(r);
        }}
      />
    ),
  };

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
          columns={[
            {
              key: "project",
              title: t("routing.project"),
              render: (_, r) =>
                r.project_id ? name(names.projects, r.project_id) : <Tag>{t("routing.company")}</Tag>,
            },
            {
              key: "category",
              title: t("routing.category"),
              render: (_, r) => name(names.categories, r.category_id),
            },
            {
              key: "kind",
              title: t("case.field.kind"),
              render: (_, r) => (r.kind ? t(`case.kind.${r.kind}`) : <Tag>{t("deadlines.anyKind")}</Tag>),
            },
            {
              key: "severity",
              title: t("case.field.severity"),
              render: (_, r) =>
                r.severity ? t(`case.severity.${r.severity}`) : <Tag>{t("deadlines.anySeverity")}</Tag>,
            },
            {
              key: "department",
              title: t("routing.department"),
              render: (_, r) => name(names.departments, r.department_id),
            },
            {
              key: "auto",
              title: t("routing.autoDispatch"),
              render: (_, r) => (r.auto_dispatch ? t("common.yes") : t("common.no")),
            },
            ...(editable ? [actionsColumn] : []),
          ]}
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
