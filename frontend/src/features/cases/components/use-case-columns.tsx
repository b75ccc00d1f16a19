import { type TableColumnsType, Tag } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import type { CaseSummary } from "@/lib/types";
import { Countdown, LevelTag, RepeatTag, SeverityTag, StatusTag } from "./case-tags";
import { formatTime } from "./format";

/** The case list's columns: number (with its link tags), title, kind, status, severity, level, customer, next due, reported. */
export function useCaseColumns(): TableColumnsType<CaseSummary> {
  const { t } = useTranslation();
  return [
    {
      key: "number",
      title: t("case.field.number"),
      render: (_, c) => (
        <>
          <Link to={`/cases/${c.id}`} data-testid="case-link">
            {c.number}
          </Link>
          {c.child_count > 0 && (
            <Tag style={{ marginInlineStart: 6 }} data-testid="case-children-tag">
              {t("case.link.callers", { count: c.child_count })}
            </Tag>
          )}
          <RepeatTag repeatOf={c.repeat_of} />
          {c.parent_id && (
            <Tag style={{ marginInlineStart: 6 }} data-testid="case-follows-tag">
              {t("case.link.followsTag")}
            </Tag>
          )}
        </>
      ),
    },
    { key: "title", title: t("case.field.title"), dataIndex: "title", ellipsis: true },
    { key: "kind", title: t("case.field.kind"), render: (_, c) => t(`case.kind.${c.kind}`) },
    { key: "status", title: t("case.field.status"), render: (_, c) => <StatusTag status={c.status} /> },
    {
      key: "severity",
      title: t("case.field.severity"),
      render: (_, c) => <SeverityTag severity={c.severity} />,
    },
    {
      key: "level",
      title: t("case.field.level"),
      render: (_, c) => <LevelTag level={c.level} />,
      responsive: ["sm"],
    },
    {
      key: "customer",
      title: t("case.field.customer"),
      render: (_, c) => [c.customer_name, c.property_label].filter(Boolean).join(" · ") || "—",
      responsive: ["md"],
    },
    {
      key: "due",
      title: t("case.field.nextDue"),
      render: (_, c) =>
        c.status === "closed" || c.status === "cancelled" ? (
          "—"
        ) : (
          <Countdown dueAt={c.next_due_at} paused={c.paused} />
        ),
    },
    {
      key: "reported",
      title: t("case.field.reportedAt"),
      render: (_, c) => formatTime(c.reported_at),
      responsive: ["lg"],
    },
  ];
}
