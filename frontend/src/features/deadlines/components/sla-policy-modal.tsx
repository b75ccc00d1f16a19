import { App, Form, Modal, Select, Switch, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { components } from "@/api/schema";
import { CASE_KINDS, type CaseKind, SEVERITIES, type Severity } from "@/lib/types";
import { useVersionedForm } from "@/lib/use-versioned-form";
import { type SlaPolicyInput, useCreateSlaPolicy } from "../api/create-sla-policy";
import { useUpdateSlaPolicy } from "../api/update-sla-policy";
import { DurationInput } from "./duration";
import { DEFAULT_DURATIONS, DURATION_FIELDS, type Durations } from "./sla-durations";

type Policy = components["schemas"]["SlaPolicyView"];

interface PolicyValues {
  kind?: CaseKind | null;
  severity?: Severity | null;
  durations: Durations;
}

/** Creates an SLA policy, or edits `policy` (sent with its version). */
export function SlaPolicyModal({ policy, onClose }: { policy: Policy | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<PolicyValues>();
  const create = useCreateSlaPolicy();
  const update = useUpdateSlaPolicy();
  const { save, problem, saving } = useVersionedForm({
    form,
    row: policy,
    create,
    update,
    conflict: t("deadlines.policyExists"),
    onSaved: () => {
      void message.success(t("deadlines.saved"));
      onClose();
    },
  });

  const submit = (values: PolicyValues) => {
    const body: SlaPolicyInput = {
      kind: values.kind ?? null,
      severity: values.severity ?? null,
      durations: { ...DEFAULT_DURATIONS, ...values.durations },
    };
    save({ create: body, update: body });
  };

  return (
    <Modal
      open
      title={policy ? t("deadlines.editPolicy") : t("deadlines.newPolicy")}
      okText={t("common.save")}
      cancelText={t("common.cancel")}
      confirmLoading={saving}
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
            : { kind: null, severity: null, durations: DEFAULT_DURATIONS }
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
