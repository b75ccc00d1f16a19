import { type TableColumnsType, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { useUsers } from "@/lib/reference";
import type { AuditEntry } from "../api/audit";

function describe(entry: AuditEntry): string {
  const d = entry.detail as Record<string, unknown>;
  return ["number", "customer_id", "format", "rows", "q"]
    .filter((k) => d[k] !== undefined && d[k] !== null)
    .map((k) => `${k}: ${String(d[k])}`)
    .join(" · ");
}

/** The audit table's columns: time, user (by name), action and the entry's details. */
export function useAuditColumns(): TableColumnsType<AuditEntry> {
  const { t } = useTranslation();
  const users = useUsers();
  const names = new Map((users.data?.items ?? []).map((u) => [u.id, `${u.display_name} (${u.username})`]));
  return [
    {
      title: t("audit.time"),
      dataIndex: "created_at",
      width: 170,
      render: (v: string) => new Date(v).toLocaleString(),
    },
    {
      title: t("audit.user"),
      dataIndex: "actor_id",
      width: 200,
      render: (id: string | null) => (id ? (names.get(id) ?? id) : t("audit.system")),
    },
    { title: t("audit.action"), dataIndex: "action", width: 200 },
    {
      title: t("audit.detail"),
      key: "detail",
      render: (_: unknown, e: AuditEntry) => (
        <Typography.Text type="secondary">{describe(e)}</Typography.Text>
      ),
    },
  ];
}
