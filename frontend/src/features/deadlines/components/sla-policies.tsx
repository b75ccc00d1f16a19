import {
  App,
  Button,
  Card,
  Form,
  Modal,
  Popconfirm,
  Select,
  Space,
  Switch,
  Table,
  type TableColumnType,
  Tag,
  Typography,
} from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { components } from "@/api/schema";
import { ApiError, applyFieldErrors, errorMessage } from "@/lib/problem";
import { CASE_KINDS, type CaseKind, SEVERITIES, type Severity } from "@/lib/types";
import { type SlaPolicyInput, useCreateSlaPolicy } from "../api/create-sla-policy";
import { useDeleteSlaPolicy } from "../api/delete-sla-policy";
import { useSlaPolicies } from "../api/sla-policies";
import { useUpdateSlaPolicy } from "../api/update-sla-policy";
import { Duration, DurationInput } from "./duration";
import { ReadOnlyNotice } from "./read-only-notice";

type Policy = components["schemas"]["SlaPolicyView"];
type Durations = components["schemas"]["SlaDurations"];

/** The durations, in the order the form and the table show them. */
const DURATION_FIELDS = [
  "verify_secs",
  "dispatch_secs",
  "resolve_secs",
  "reply_secs",
  "contact_check_secs",
  "outcome_check_secs",
  "satisfaction_visit_secs",
] as const;

const HOUR = 3600;
const DEFAULTS: Durations = {
  verify_secs: 8 * HOUR,
  dispatch_secs: 24 * HOUR,
  resolve_secs: 48 * HOUR,
  reply_secs: 24 * HOUR,
  contact_check_secs: 24 * HOUR,
  outcome_check_secs: 48 * HOUR,
  satisfaction_visit_secs: 48 * HOUR,
  business_hours: false,
};

interface PolicyValues {
  kind?: CaseKind | null;
  severity?: Severity | null;
  durations: Durations;
}

function PolicyModal({ policy, onClose }: { policy: Policy | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<PolicyValues>();
  const create = useCreateSlaPolicy();
  const update = useUpdateSlaPolicy();
  const [problem, setProblem] = useState<string | null>(null);

  const submit = (values: PolicyValues) => {
    setProblem(null);
    const body: SlaPolicyInput = {
      kind: values.kind ?? null,
      severity: values.severity ?? null,
      durations: { ...DEFAULTS, ...values.durations },
    };
    const handlers = {
      onSuccess: () => {
        void message.success(t("deadlines.saved"));
        onClose();
      },
      onError: (error: Error) => {
        if (error instanceof ApiError && error.status === 409) setProblem(t("deadlines.policyExists"));
        else {
          applyFieldErrors(form, error);
          setProblem(errorMessage(error, t));
        }
      },
    };
    if (policy) update.mutate({ id: policy.id, version: policy.version, body }, handlers);
    else create.mutate(body, handlers);
  };

  return (
    <Modal
      open
      title={policy ? t("deadlines.editPolicy") : t("deadlines.newPolicy")}
      okText={t("common.save")}
      cancelText={t("common.cancel")}
      confirmLoading={create.isPending || update.isPending}
      okButtonProps={{ id: "policy-submit" }}
      onOk={() => {
        form.submit();
      }}
      onCancel={onClose}
      destroyOnHidden
    >
      {problem && (
        <Typography.Paragraph type="danger" data-testid="policy-problem">
          {problem}
        </Typography.Paragraph>
      )}
      <Form<PolicyValues>
        form={form}
        layout="horizontal"
        labelCol={{ span: 8 }}
        onFinish={submit}
        initialValues={
          policy
            ? { kind: policy.kind, severity: policy.severity, durations: policy.durations }
            : { kind: null, severity: null, durations: DEFAULTS }
        }
      >
        <Form.Item name="kind" label={t("case.field.kind")}>
          <Select<CaseKind>
            allowClear
            placeholder={t("deadlines.anyKind")}
            data-testid="policy-kind"
            options={CASE_KINDS.map((k) => ({ value: k, label: t(`case.kind.${k}`) }))}
          />
        </Form.Item>
        <Form.Item name="severity" label={t("case.field.severity")}>
          <Select<Severity>
            allowClear
            placeholder={t("deadlines.anySeverity")}
            data-testid="policy-severity"
            options={SEVERITIES.map((s) => ({ value: s, label: t(`case.severity.${s}`) }))}
          />
        </Form.Item>
        {DURATION_FIELDS.map((field) => (
          <Form.Item
            key={field}
            name={["durations", field]}
            label={t(`deadlines.duration.${field}`)}
            data-testid={`duration-${field}`}
          >
            <DurationInput />
          </Form.Item>
        ))}
        <Form.Item
          name={["durations", "business_hours"]}
          label={t("deadlines.businessHours")}
          valuePropName="checked"
          extra={t("deadlines.businessHoursHint")}
        >
          <Switch />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** "Edit" and "delete" of one policy. */
function PolicyActions({ policy, onEdit }: { policy: Policy; onEdit: (policy: Policy) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const remove = useDeleteSlaPolicy();
  return (
    <Space>
      <Button
        size="small"
        onClick={() => {
          onEdit(policy);
        }}
      >
        {t("common.edit")}
      </Button>
      <Popconfirm
        title={t("deadlines.confirmDelete")}
        okText={t("common.delete")}
        cancelText={t("common.cancel")}
        onConfirm={() => {
          remove.mutate(policy.id, {
            onError: (error) => void message.error(errorMessage(error, t)),
          });
        }}
      >
        <Button size="small" danger>
          {t("common.delete")}
        </Button>
      </Popconfirm>
    </Space>
  );
}

/**
 * SLA policies: which durations apply to which kind × severity of case. Without `editable`
 * (no `config_manage`) the table is read-only: no "new", "edit" or "delete".
 */
export function SlaPolicies({ editable }: { editable: boolean }) {
  const { t } = useTranslation();
  const policies = useSlaPolicies();
  const [editing, setEditing] = useState<Policy | "new" | null>(null);
  const actionsColumn: TableColumnType<Policy> = {
    key: "actions",
    title: t("common.actions"),
    fixed: "right",
    render: (_, p) => <PolicyActions policy={p} onEdit={setEditing} />,
  };

  return (
    <Card
      title={t("deadlines.policies")}
      extra={
        editable && (
          <Button
            type="primary"
            data-testid="policy-new"
            onClick={() => {
              setEditing("new");
            }}
          >
            {t("deadlines.newPolicy")}
          </Button>
        )
      }
    >
      {!editable && <ReadOnlyNotice />}
      <Typography.Paragraph type="secondary">{t("deadlines.policiesHint")}</Typography.Paragraph>
      <Table<Policy>
        rowKey="id"
        size="small"
        loading={policies.isPending}
        dataSource={policies.data?.items ?? []}
        pagination={false}
        scroll={{ x: 1100 }}
        columns={[
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
        ]}
      />
      {editing && (
        <PolicyModal
          policy={editing === "new" ? null : editing}
          onClose={() => {
            setEditing(null);
          }}
        />
      )}
    </Card>
  );
}
