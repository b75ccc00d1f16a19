import { Button, Card, Table, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { components } from "@/api/schema";
import { useSlaPolicies } from "../api/sla-policies";
import { ReadOnlyNotice } from "./read-only-notice";
import { SlaPolicyModal } from "./sla-policy-modal";
import { useSlaPolicyColumns } from "./use-sla-policy-columns";

type Policy = components["schemas"]["SlaPolicyView"];

/**
 * SLA policies: which durations apply to which kind × severity of case. Without `editable`
 * (no `config_manage`) the table is read-only: no "new", "edit" or "delete".
 */
export function SlaPolicies({ editable }: { editable: boolean }) {
  const { t } = useTranslation();
  const policies = useSlaPolicies();
  const [editing, setEditing] = useState<Policy | "new" | null>(null);
  const columns = useSlaPolicyColumns({ editable, onEdit: setEditing });

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
        columns={columns}
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
