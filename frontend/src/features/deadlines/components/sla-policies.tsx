import { Button, Card, Table, type TableColumnType, Tag, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { components } from "@/api/schema";
import { RowActions } from "@/components/row-actions";
import { useDeleteSlaPolicy } from "../api/delete-sla-policy";
import { useSlaPolicies } from "../api/sla-policies";
import { Duration } from "./duration";
import { ReadOnlyNotice } from "./read-only-notice";
import { DURATION_FIELDS } from "./sla-durations";
import { SlaPolicyModal } from "./sla-policy-modal";

type Policy = components["schemas"]["SlaPolicyView"];

/**
 * SLA policies: which durations apply to which kind × severity of case. Without `editable`
 * (no `config_manage`) the table is read-only: no "new", "edit" or "delete".
 */
export function SlaPolicies({ editable }: { editable: boolean }) {
  const { t } = useTranslation();
  const policies = useSlaPolicies();
  const remove = useDeleteSlaPolicy();
  const [editing, setEditing] = useState<Policy | "new" | null>(null);
  const actionsColumn: TableColumnType<Policy> = {
    key: "actions",
    title: t("common.actions"),
    fixed: "right",
    render: (_, p) => (
      <RowActions
        id={p.id}
        remove={remove}
        confirmDelete={t("deadlines.confirmDelete")}
        onEdit={() => {
          setEditing(p);
        }}
      />
    ),
  };

  return (
    <Card
      title={t("deadlines.policies")}
      extra={
        editable && (
          <Button
            type="primary"
            data-testid="policy-new"
            onClick={() => {
              setEditing("new");
            }}
          >
            {t("deadlines.newPolicy")}
          </Button>
        )
      }
    >
      {!editable && <ReadOnlyNotice />}
      <Typography.Paragraph type="secondary">{t("deadlines.policiesHint")}</Typography.Paragraph>
      <Table<Policy>
        rowKey="id"
        size="small"
        loading={policies.isPending}
        dataSource={policies.data?.items ?? []}
        pagination={false}
        scroll={{ x: 1100 }}
        columns={[
          {
            key: "kind",
            title: t("case.field.kind"),
            render: (_, p) => (p.kind ? t(`case.kind.${p.kind}`) : <Tag>{t("deadlines.anyKind")}</Tag>),
          },
          {
            key: "severity",
            title: t("case.field.severity"),
            render: (_, p) =>
              p.severity ? t(`case.severity.${p.severity}`) : <Tag>{t("deadlines.anySeverity")}</Tag>,
          },
          ...DURATION_FIELDS.map((field) => ({
            key: field,
            title: t(`deadlines.duration.${field}`),
            render: (_: unknown, p: Policy) => <Duration seconds={p.durations[field]} />,
          })),
          {
            key: "business",
            title: t("deadlines.businessHours"),
            render: (_, p) => (p.durations.business_hours ? t("common.yes") : t("common.no")),
          },
          ...(editable ? [actionsColumn] : []),
        ]}
      />
      {editing && (
        <SlaPolicyModal
          policy={editing === "new" ? null : editing}
          onClose={() => {
            setEditing(null);
          }}
        />
      )}
    </Card>
  );
}
