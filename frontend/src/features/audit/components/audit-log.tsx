import { Button, Card, DatePicker, Flex, Result, Select, Table, Typography } from "antd";
import type { Dayjs } from "dayjs";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { errorMessage } from "@/lib/problem";
import { useUsers } from "@/lib/reference";
import { type AuditEntry, type AuditFilter, useAudit } from "../api/audit";

/** The actions worth filtering by: personal-data views and exports. */
const ACTIONS = [
  "customer.phone_viewed",
  "customer.viewed",
  "customer.searched",
  "cases.exported",
  "resident.activation_issued",
];

function describe(entry: AuditEntry): string {
  const d = entry.detail as Record<string, unknown>;
  return ["number", "customer_id", "format", "rows", "q"]
    .filter((k) => d[k] !== undefined && d[k] !== null)
    .map((k) => `${k}: ${String(d[k])}`)
    .join(" · ");
}

/** Who viewed which unmasked phone number, who exported what: filter by user, action and days. */
export function AuditLog() {
  const { t } = useTranslation();
  const users = useUsers();
  const [actor, setActor] = useState<string | undefined>();
  const [action, setAction] = useState<string | undefined>();
  const [range, setRange] = useState<[Dayjs, Dayjs] | null>(null);
  const filter: AuditFilter = {
    actor_id: actor,
    action,
    from: range?.[0].startOf("day").toISOString(),
    to: range?.[1].add(1, "day").startOf("day").toISOString(),
  };
  const log = useAudit(filter);
  const names = new Map((users.data?.items ?? []).map((u) => [u.id, `${u.display_name} (${u.username})`]));
  const rows = log.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <Flex vertical gap="middle">
      <Flex gap="small" wrap>
        <Select
          allowClear
          showSearch
          optionFilterProp="label"
          style={{ minWidth: 220 }}
          placeholder={t("audit.user")}
          value={actor}
          onChange={setActor}
          options={(users.data?.items ?? []).map((u) => ({
            value: u.id,
            label: `${u.display_name} (${u.username})`,
          }))}
          data-testid="audit-user"
        />
        <Select
          allowClear
          style={{ minWidth: 220 }}
          placeholder={t("audit.action")}
          value={action}
          onChange={setAction}
          options={ACTIONS.map((a) => ({ value: a, label: a }))}
        />
        <DatePicker.RangePicker
          value={range}
          onChange={(v) => {
            setRange(v && v[0] && v[1] ? [v[0], v[1]] : null);
          }}
        />
      </Flex>
      <Card>
        {log.isError ? (
          <Result
            status="warning"
            title={errorMessage(log.error, t)}
            extra={<Button onClick={() => void log.refetch()}>{t("common.retry")}</Button>}
          />
        ) : (
          <>
            <Table<AuditEntry>
              rowKey="id"
              size="small"
              loading={log.isPending}
              dataSource={rows}
              pagination={false}
              scroll={{ x: 800 }}
              columns={[
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
              ]}
            />
            {log.hasNextPage && (
              <Flex justify="center" style={{ marginTop: 12 }}>
                <Button loading={log.isFetchingNextPage} onClick={() => void log.fetchNextPage()}>
                  {t("common.loadMore")}
                </Button>
              </Flex>
            )}
          </>
        )}
      </Card>
    </Flex>
  );
}
