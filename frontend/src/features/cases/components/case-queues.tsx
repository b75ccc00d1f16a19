import { Button, Card, Flex, Input, Select, Table, Tabs, Tag, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router-dom";
import {
  CASE_KINDS,
  CASE_STATUSES,
  type CaseKind,
  type CaseStatus,
  type CaseSummary,
  type Level,
  type Queue,
  SEVERITIES,
  type Severity,
} from "@/lib/types";
import { useMe } from "@/lib/auth";
import { type Permission, useCan } from "@/lib/permissions";
import { useCases } from "../api/list-cases";
import { Countdown, LevelTag, RepeatTag, SeverityTag, StatusTag } from "./case-tags";
import { formatTime } from "./format";

/**
 * The queue tabs, each shown only to users holding its permission (from `/me`); "my department"
 * also needs a department (an administrator without one would be refused with 422).
 */
const QUEUES: readonly { key: Queue; permission?: Permission; department?: true }[] = [
  { key: "mine" },
  { key: "department", permission: "case_handle", department: true },
  { key: "unassigned", permission: "case_dispatch" },
  { key: "awaiting_visit", permission: "case_reply" },
  { key: "overdue" },
];

/** A list of cases with "load more"; used by the queues and the dashboard. */
export function CaseTable({
  queue,
  status,
  kind,
  severity,
  level,
  q,
  compact,
  cancelRequested,
}: {
  queue?: Queue;
  status?: CaseStatus;
  kind?: CaseKind;
  severity?: Severity;
  level?: Level;
  q?: string;
  compact?: boolean;
  /** Only cases whose cancellation waits for approval (the dashboard's approvals link here). */
  cancelRequested?: boolean;
}) {
  const { t } = useTranslation();
  const cases = useCases({
    queue,
    status,
    kind,
    severity,
    level,
    q: q || undefined,
    cancel_requested: cancelRequested,
    limit: compact ? 10 : 25,
  });
  const items: CaseSummary[] = cases.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Flex vertical gap="small">
      <Table<CaseSummary>
        rowKey="id"
        size="small"
        loading={cases.isPending}
        dataSource={items}
        pagination={false}
        scroll={{ x: 720 }}
        locale={{ emptyText: t("pages.queues.empty") }}
        columns={[
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
        ]}
      />
      <Flex justify="space-between" align="center">
        <Typography.Text type="secondary">{t("queues.count", { count: items.length })}</Typography.Text>
        {cases.hasNextPage && (
          <Button
            loading={cases.isFetchingNextPage}
            onClick={() => {
              void cases.fetchNextPage();
            }}
          >
            {t("common.loadMore")}
          </Button>
        )}
      </Flex>
    </Flex>
  );
}

export function CaseQueues() {
  const { t } = useTranslation();
  const can = useCan();
  const me = useMe();
  const [queue, setQueue] = useState<Queue>("mine");
  const [status, setStatus] = useState<CaseStatus>();
  const [kind, setKind] = useState<CaseKind>();
  const [severity, setSeverity] = useState<Severity>();
  const [level, setLevel] = useState<Level>();
  const [q, setQ] = useState("");
  const [params] = useSearchParams();
  const cancelRequested = params.get("cancel_requested") === "true" ? true : undefined;
  return (
    <Card>
      <Tabs
        activeKey={queue}
        onChange={(key) => {
          setQueue(key as Queue);
        }}
        items={QUEUES.filter(
          (q) => (!q.permission || can(q.permission)) && (!q.department || Boolean(me.data?.department_id)),
        ).map(({ key }) => ({
          key,
          label: t(`queues.${key}`),
        }))}
      />
      <Flex wrap gap="small" style={{ marginBottom: 12 }}>
        <Select<CaseStatus>
          allowClear
          placeholder={t("case.field.status")}
          style={{ width: 140 }}
          value={status}
          onChange={setStatus}
          options={CASE_STATUSES.map((s) => ({ value: s, label: t(`case.status.${s}`) }))}
        />
        <Select<CaseKind>
          allowClear
          placeholder={t("case.field.kind")}
          style={{ width: 120 }}
          value={kind}
          onChange={setKind}
          options={CASE_KINDS.map((k) => ({ value: k, label: t(`case.kind.${k}`) }))}
        />
        <Select<Severity>
          allowClear
          placeholder={t("case.field.severity")}
          style={{ width: 120 }}
          value={severity}
          onChange={setSeverity}
          options={SEVERITIES.map((s) => ({ value: s, label: t(`case.severity.${s}`) }))}
        />
        <Select<Level>
          allowClear
          placeholder={t("queues.escalated")}
          style={{ width: 140 }}
          value={level}
          onChange={setLevel}
          data-testid="level-filter"
          options={(["area", "company"] as const).map((l) => ({ value: l, label: t(`case.level.${l}`) }))}
        />
        <Input.Search
          allowClear
          placeholder={t("queues.searchPlaceholder")}
          style={{ width: 240 }}
          onSearch={setQ}
        />
      </Flex>
      <CaseTable
        queue={cancelRequested ? undefined : queue}
        status={status}
        kind={kind}
        severity={severity}
        level={level}
        q={q}
        cancelRequested={cancelRequested}
      />
    </Card>
  );
}
