import { Descriptions } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import type { CaseDetail } from "@/lib/types";
import { DueTime } from "./case-tags";
import { formatTime } from "./format";
import { useCaseNames } from "./use-case-names";

/** Who, where, which department, when: the case's facts under its title. */
export function CaseFacts({ c }: { c: CaseDetail }) {
  const { t } = useTranslation();
  const { department, person } = useCaseNames();
  return (
    <Descriptions
      size="small"
      column={{ xs: 1, sm: 2, lg: 3 }}
      items={[
        {
          key: "due",
          label: t("case.field.due"),
          children: (
            <DueTime
              dueAt={c.due_at}
              overdue={c.overdue}
              done={c.status === "closed" || c.status === "cancelled"}
            />
          ),
        },
        {
          key: "dispatch",
          label: t("case.field.dispatchCount"),
          children: <span data-testid="dispatch-count">{c.dispatch_count}</span>,
        },
        { key: "channel", label: t("case.field.channel"), children: t(`case.channel.${c.channel}`) },
        {
          key: "customer",
          label: t("case.field.customer"),
          children: c.customer_id ? (
            <Link to={`/customers?id=${c.customer_id}`}>{c.customer_name ?? "—"}</Link>
          ) : (
            "—"
          ),
        },
        { key: "phone", label: t("case.field.phone"), children: c.customer_phone ?? "—" },
        { key: "property", label: t("case.field.property"), children: c.property_label ?? "—" },
        { key: "category", label: t("case.field.category"), children: c.category_name ?? "—" },
        { key: "department", label: t("case.field.department"), children: department(c.department_id) },
        { key: "assignee", label: t("case.field.assignee"), children: person(c.assignee_id) },
        { key: "reported", label: t("case.field.reportedAt"), children: formatTime(c.reported_at) },
      ]}
    />
  );
}
