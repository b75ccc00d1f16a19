import { type TableColumnsType, type TableColumnType, Tag } from "antd";
import { useTranslation } from "react-i18next";
import type { components } from "@/api/schema";
import { RowActions } from "@/components/row-actions";
import { useDeleteRoutingRule } from "../api/delete-routing-rule";
import { useRoutingNames } from "./use-routing-names";

type Rule = components["schemas"]["RoutingRuleView"];

const name = (list: { id: string; name: string }[], id: string) => list.find((x) => x.id === id)?.name ?? "…";

/** The routing table's columns (names looked up; "any" tags for what a rule leaves open); row actions when `editable`. */
export function useRoutingRuleColumns({
  editable,
  onEdit,
}: {
  editable: boolean;
  onEdit: (rule: Rule) => void;
}): TableColumnsType<Rule> {
  const { t } = useTranslation();
  const names = useRoutingNames();
  const remove = useDeleteRoutingRule();
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
          onEdit(r);
        }}
      />
    ),
  };
  return [
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
  ];
}
