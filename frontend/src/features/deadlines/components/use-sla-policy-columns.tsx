import { type TableColumnsType, type TableColumnType, Tag } from "antd";
import { useTranslation } from "react-i18next";
import type { components } from "@/api/schema";
import { RowActions } from "@/components/row-actions";
import { useDeleteSlaPolicy } from "../api/delete-sla-policy";
import { Duration } from "./duration";
import { DURATION_FIELDS } from "./sla-durations";

type Policy = components["schemas"]["SlaPolicyView"];

/** The SLA table's columns: kind, severity ("any" when open), the durations; row actions when `editable`. */
export function useSlaPolicyColumns({
  editable,
  onEdit,
}: {
  editable: boolean;
  onEdit: (policy: Policy) => void;
}): TableColumnsType<Policy> {
  const { t } = useTranslation();
  const remove = useDeleteSlaPolicy();
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
          onEdit(p);
        }}
      />
    ),
  };
  return [
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
  ];
}
