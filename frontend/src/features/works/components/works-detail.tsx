import {
  Alert,
  Button,
  Descriptions,
  Drawer,
  Input,
  Space,
  Steps,
  Switch,
  Table,
  Tag,
  Typography,
} from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { useCan } from "@/lib/permissions";
import { errorMessage } from "@/lib/problem";
import type { Stage, Works, WorksVisit } from "../api/types";
import { useCaseNumber } from "../api/case-number";
import { useWorksAction } from "../api/works-action";
import { StageVisitForm } from "./stage-visit-form";
import { visitableStages } from "./visit-rules";

const when = (at?: string | null) => (at ? new Date(at).toLocaleString() : "—");

function CaseLink({ id }: { id: string }) {
  const number = useCaseNumber(id);
  return <Link to={`/cases/${id}`}>{number.data ?? id.slice(0, 8)}</Link>;
}

function StageTimeline({ stages }: { stages: Stage[] }) {
  const { t } = useTranslation();
  const current = stages.findIndex((s) => s.status !== "visited");
  return (
    <Steps
      size="small"
      direction="vertical"
      current={current === -1 ? stages.length : current}
      data-testid="stage-timeline"
      items={stages.map((s) => ({
        title: `${t(`works.stage.${s.name}`, { defaultValue: s.name })} · ${t(`works.stageStatus.${s.status}`)}`,
        status: s.status === "visited" ? "finish" : s.status === "started" ? "process" : "wait",
        description: (
          <>
            <div>{t("works.stageStarted", { at: when(s.started_at) })}</div>
            <div>{t("works.stageVisitDue", { at: when(s.visit_due_at) })}</div>
            <div>{t("works.stageVisited", { at: when(s.visited_at) })}</div>
          </>
        ),
      }))}
    />
  );
}

function Visits({ visits }: { visits: WorksVisit[] }) {
  const { t } = useTranslation();
  const yesNo = (v?: boolean | null) =>
    v === null || v === undefined ? "—" : t(v ? "works.yes" : "works.no");
  return (
    <Table<WorksVisit>
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={[...visits].sort((a, b) => a.due_at.localeCompare(b.due_at))}
      data-testid="works-visits"
      columns={[
        {
          title: t("works.visit.stage"),
          render: (_, v) => t(`works.stage.${v.stage}`, { defaultValue: v.stage }),
        },
        { title: t("works.visit.due"), render: (_, v) => when(v.due_at) },
        { title: t("works.visit.done"), render: (_, v) => when(v.done_at) },
        {
          title: t("works.visit.satisfaction"),
          render: (_, v) => (v.satisfaction ? t(`works.satisfaction.${v.satisfaction}`) : "—"),
        },
        { title: t("works.visit.inspectorPresent"), render: (_, v) => yesNo(v.inspector_present) },
        { title: t("works.visit.briefingClear"), render: (_, v) => yesNo(v.briefing_clear) },
        { title: t("works.visit.issues"), render: (_, v) => v.issues ?? "" },
        { title: t("works.case"), render: (_, v) => (v.case_id ? <CaseLink id={v.case_id} /> : "") },
      ]}
    />
  );
}

function Archive({ works }: { works: Works }) {
  const { t } = useTranslation();
  const action = useWorksAction();
  const [card, setCard] = useState(works.warranty_card_issued);
  const [deposit, setDeposit] = useState(works.warranty_deposit ?? "");
  return (
    <Space wrap>
      <Switch checked={card} onChange={setCard} />
      <Typography.Text>{t("works.field.warrantyCard")}</Typography.Text>
      <Input
        style={{ width: 160 }}
        prefix="¥"
        value={deposit}
        placeholder={t("works.field.warrantyDeposit")}
        onChange={(e) => {
          setDeposit(e.target.value);
        }}
      />
      <Button
        loading={action.isPending}
        onClick={() => {
          action.mutate({
            works,
            action: { kind: "archive", warranty_card_issued: card, warranty_deposit: deposit.trim() || null },
          });
        }}
      >
        {t("works.archive")}
      </Button>
      {action.error && <Alert type="error" showIcon message={errorMessage(action.error, t)} />}
    </Space>
  );
}

function WorksFacts({ works }: { works: Works }) {
  const { t } = useTranslation();
  const outOfWarranty =
    works.warranty_until !== null &&
    works.warranty_until !== undefined &&
    works.warranty_until < new Date().toISOString().slice(0, 10);
  return (
    <Descriptions
      size="small"
      column={2}
      items={[
        {
          key: "status",
          label: t("works.field.status"),
          children: <Tag>{t(`works.status.${works.status}`)}</Tag>,
        },
        { key: "amount", label: t("works.field.amount"), children: `¥${works.contract_amount}` },
        { key: "signed", label: t("works.field.signedOn"), children: works.contract_signed_on },
        {
          key: "plan",
          label: t("works.field.planned"),
          children: `${works.planned_start} ~ ${works.planned_finish}`,
        },
        { key: "completed", label: t("works.field.completedOn"), children: works.completed_on ?? "—" },
        {
          key: "warranty",
          label: t("works.field.warrantyUntil"),
          children: (
            <Space size={4}>
              {works.warranty_until ?? "—"}
              {outOfWarranty && <Tag color="orange">{t("works.outOfWarranty")}</Tag>}
            </Space>
          ),
        },
        {
          key: "card",
          label: t("works.field.warrantyCard"),
          children: t(works.warranty_card_issued ? "works.yes" : "works.no"),
        },
        {
          key: "deposit",
          label: t("works.field.warrantyDeposit"),
          children: works.warranty_deposit ?? "—",
        },
      ]}
    />
  );
}

/** The works page: contract and archive fields, the stage timeline, visits and linked cases. */
export function WorksDetail({ works, onClose }: { works: Works; onClose: () => void }) {
  const { t } = useTranslation();
  const can = useCan();
  const action = useWorksAction();
  const [visiting, setVisiting] = useState(false);
  const next = works.stages.find((s) => s.status === "pending");

  return (
    <Drawer open width={760} title={works.address} onClose={onClose} data-testid="works-detail">
      <WorksFacts works={works} />
      <Space wrap style={{ margin: "12px 0" }}>
        {can("works_manage") && next && (
          <Button
            type="primary"
            loading={action.isPending}
            onClick={() => {
              action.mutate({ works, action: { kind: "start", stage: next.name } });
            }}
            data-testid="start-stage"
          >
            {t("works.start", { stage: t(`works.stage.${next.name}`, { defaultValue: next.name }) })}
          </Button>
        )}
        {can("works_visit") && visitableStages(works).length > 0 && (
          <Button
            onClick={() => {
              setVisiting(true);
            }}
            data-testid="record-visit"
          >
            {t("works.visit.open")}
          </Button>
        )}
      </Space>
      {action.error && <Alert type="error" showIcon message={errorMessage(action.error, t)} />}
      <Typography.Title level={5}>{t("works.timeline")}</Typography.Title>
      <StageTimeline stages={works.stages} />
      <Typography.Title level={5}>{t("works.visits")}</Typography.Title>
      <Visits visits={works.visits} />
      {works.cases.length > 0 && (
        <>
          <Typography.Title level={5}>{t("works.cases")}</Typography.Title>
          <Space direction="vertical">
            {works.cases.map((c) => (
              <Space key={c.case_id}>
                <CaseLink id={c.case_id} />
                <Tag>{t(`works.caseReason.${c.reason}`, { defaultValue: c.reason })}</Tag>
              </Space>
            ))}
          </Space>
        </>
      )}
      {can("works_manage") && works.status === "completed" && (
        <>
          <Typography.Title level={5}>{t("works.archiveTitle")}</Typography.Title>
          <Archive works={works} />
        </>
      )}
      {visiting && (
        <StageVisitForm
          works={works}
          onClose={() => {
            setVisiting(false);
          }}
        />
      )}
    </Drawer>
  );
}
