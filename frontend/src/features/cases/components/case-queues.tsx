import { Card, Flex, Input, Select, Tabs } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router-dom";
import {
  CASE_KINDS,
  CASE_STATUSES,
  type CaseKind,
  type CaseStatus,
  type Level,
  type Queue,
  SEVERITIES,
  type Severity,
} from "@/lib/types";
import { useMe } from "@/lib/auth";
import { type Permission, useCan } from "@/lib/permissions";
import { CaseTable } from "./case-table";

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
