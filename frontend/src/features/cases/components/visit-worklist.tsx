import {
  App,
  Button,
  Card,
  Flex,
  Input,
  Select,
  Space,
  Table,
  type TableColumnsType,
  Tabs,
  Tag,
  Typography,
} from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { errorMessage } from "@/lib/problem";
import {
  type Satisfaction,
  SATISFACTIONS,
  type ScheduledVisit,
  VISIT_OUTCOMES,
  VISIT_PURPOSES,
  type VisitFilter,
  type VisitOutcome,
  type VisitPurpose,
} from "@/lib/types";
import { useRecordSatisfaction } from "../api/record-satisfaction";
import { useRecordVisitCheck } from "../api/record-visit-check";
import { useVisits } from "../api/visits";
import { Countdown, StatusTag } from "./case-tags";
import { formatTime } from "./format";

const TABS: readonly VisitFilter[] = ["due", "overdue", "done"];

const PURPOSE_COLORS: Record<VisitPurpose, string> = {
  contact_check: "blue",
  outcome_check: "cyan",
  satisfaction: "purple",
};

/** Contact and outcome checks: the outcome (a select), a note, recorded on the visit. */
function CheckRecorder({ visit }: { visit: ScheduledVisit }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [note, setNote] = useState("");
  const [outcome, setOutcome] = useState<VisitOutcome>();
  const record = useRecordVisitCheck();
  const send = () => {
    if (!outcome) return;
    record.mutate(
      { id: visit.id, body: { outcome, note: note.trim() === "" ? null : note } },
      {
        onSuccess: () => {
          void message.success(t("visits.recorded", { number: visit.case_number }));
        },
        onError: (error) => {
          void message.error(errorMessage(error, t));
        },
      },
    );
  };
  return (
    <Space.Compact style={{ width: "100%" }}>
      <Select<VisitOutcome>
        size="small"
        style={{ width: 120 }}
        placeholder={t("visits.outcome")}
        value={outcome}
        onChange={setOutcome}
        data-testid="check-outcome"
        options={VISIT_OUTCOMES[visit.purpose].map((o) => ({
          value: o,
          label: <span data-testid={`outcome-${o}`}>{t(`visits.outcomes.${o}`)}</span>,
        }))}
      />
      <Input
        size="small"
        placeholder={t("visits.notePlaceholder")}
        value={note}
        data-testid="check-note"
        onChange={(e) => {
          setNote(e.target.value);
        }}
      />
      <Button
        size="small"
        type="primary"
        disabled={!outcome}
        loading={record.isPending}
        data-testid="check-record"
        onClick={send}
      >
        {t("visits.recordOutcome")}
      </Button>
    </Space.Compact>
  );
}

/** Satisfaction visits: one click records a reached visit through the case's `visit` action. */
function SatisfactionRecorder({ visit }: { visit: ScheduledVisit }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const record = useRecordSatisfaction();
  const send = (satisfaction: Satisfaction) => {
    record.mutate(
      { caseId: visit.case_id, satisfaction },
      {
        onSuccess: () => {
          void message.success(t("visits.recorded", { number: visit.case_number }));
        },
        onError: (error) => {
          void message.error(errorMessage(error, t));
        },
      },
    );
  };
  const check = useRecordVisitCheck();
  const unreachable = () => {
    check.mutate(
      { id: visit.id, body: { outcome: "unreachable", note: null } },
      {
        onSuccess: () => {
          void message.success(t("visits.recorded", { number: visit.case_number }));
        },
        onError: (error) => {
          void message.error(errorMessage(error, t));
        },
      },
    );
  };
  return (
    <Flex wrap gap={4}>
      {SATISFACTIONS.map((s) => (
        <Button
          key={s}
          size="small"
          danger={s.includes("dissatisfied")}
          disabled={record.isPending}
          data-testid={`visit-${s}`}
          onClick={() => {
            send(s);
          }}
        >
          {t(`case.satisfaction.${s}`)}
        </Button>
      ))}
      <Button
        size="small"
        disabled={record.isPending || check.isPending}
        data-testid="visit-unreachable"
        onClick={unreachable}
      >
        {t("visits.outcomes.unreachable")}
      </Button>
    </Flex>
  );
}

function Outcome({ visit }: { visit: ScheduledVisit }) {
  const { t } = useTranslation();
  const tag = visit.outcome ? (
    visit.outcome === "unreachable" ? (
      <Tag color="orange" data-testid="visit-outcome">
        {t("visits.closedUnreachable")}
      </Tag>
    ) : (
      <Tag
        color={
          ["not_done", "not_contacted", "dissatisfied", "very_dissatisfied"].includes(visit.outcome)
            ? "red"
            : "green"
        }
        data-testid="visit-outcome"
      >
        {t(`visits.outcomes.${visit.outcome}`)}
      </Tag>
    )
  ) : visit.reached === false ? (
    <Tag>{t("case.notReached")}</Tag>
  ) : (
    <Tag color="green">{t("visits.reached")}</Tag>
  );
  return (
    <Space wrap size={4}>
      {tag}
      <Typography.Text type="secondary">{formatTime(visit.done_at)}</Typography.Text>
      {visit.note && <span>{visit.note}</span>}
    </Space>
  );
}

/** A pending visit the customer could not be reached on yet: how many tries so far. */
function Retries({ visit }: { visit: ScheduledVisit }) {
  const { t } = useTranslation();
  if (visit.attempts === 0) return null;
  return (
    <Tag color="orange" data-testid="visit-retries">
      {t("visits.retry", { count: visit.attempts })}
    </Tag>
  );
}

/**
 * What a visit's row offers: its outcome once done, else the recorder for its purpose (also
 * used by the steward's list of visits assigned to them).
 */
export function VisitRecorder({ visit }: { visit: ScheduledVisit }) {
  if (visit.status !== "pending") return <Outcome visit={visit} />;
  if (visit.purpose === "satisfaction") return <SatisfactionRecorder visit={visit} />;
  return <CheckRecorder visit={visit} />;
}

/** The worklist's columns: case, purpose, case status, due (with retries) and the recorder. */
function useVisitColumns(): TableColumnsType<ScheduledVisit> {
  const { t } = useTranslation();
  return [
    {
      key: "number",
      title: t("case.field.number"),
      render: (_, v) => <Link to={`/cases/${v.case_id}`}>{v.case_number}</Link>,
    },
    { key: "title", title: t("case.field.title"), dataIndex: "case_title", ellipsis: true },
    {
      key: "purpose",
      title: t("visits.purpose"),
      render: (_, v) => <Tag color={PURPOSE_COLORS[v.purpose]}>{t(`visits.purposes.${v.purpose}`)}</Tag>,
    },
    {
      key: "status",
      title: t("case.field.status"),
      render: (_, v) => <StatusTag status={v.case_status} />,
      responsive: ["md"],
    },
    {
      key: "due",
      title: t("visits.dueAt"),
      render: (_, v) =>
        v.status === "pending" ? (
          <Space size={4} wrap>
            <Countdown dueAt={v.due_at} />
            <Retries visit={v} />
          </Space>
        ) : (
          formatTime(v.due_at)
        ),
    },
    {
      key: "record",
      title: t("visits.record"),
      width: 340,
      render: (_, v) => <VisitRecorder visit={v} />,
    },
  ];
}

/** The return-visit worklist: scheduled visits due, overdue or done, by purpose. */
export function VisitWorklist() {
  const { t } = useTranslation();
  const [status, setStatus] = useState<VisitFilter>("due");
  const [purpose, setPurpose] = useState<VisitPurpose>();
  const visits = useVisits({ status, purpose, limit: 25 });
  const items = visits.data?.pages.flatMap((p) => p.items) ?? [];
  const columns = useVisitColumns();

  return (
    <Card>
      <Tabs
        activeKey={status}
        onChange={(key) => {
          setStatus(key as VisitFilter);
        }}
        items={TABS.map((key) => ({ key, label: t(`visits.tab.${key}`) }))}
      />
      <Flex wrap gap="small" align="center" style={{ marginBottom: 12 }}>
        <Select<VisitPurpose>
          allowClear
          placeholder={t("visits.purpose")}
          style={{ width: 160 }}
          value={purpose}
          onChange={setPurpose}
          data-testid="purpose-filter"
          options={VISIT_PURPOSES.map((p) => ({ value: p, label: t(`visits.purposes.${p}`) }))}
        />
        <Typography.Text type="secondary">{t("visits.hint")}</Typography.Text>
      </Flex>
      <Table<ScheduledVisit>
        rowKey="id"
        size="small"
        loading={visits.isPending}
        dataSource={items}
        pagination={false}
        scroll={{ x: 900 }}
        locale={{ emptyText: t("pages.visits.empty") }}
        columns={columns}
      />
      {visits.hasNextPage && (
        <Button
          style={{ marginTop: 12 }}
          loading={visits.isFetchingNextPage}
          onClick={() => {
            void visits.fetchNextPage();
          }}
        >
          {t("common.loadMore")}
        </Button>
      )}
    </Card>
  );
}
