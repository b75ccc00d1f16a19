import { App, Form, Modal, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { components } from "@/api/schema";
import type { CaseKind, Severity } from "@/lib/types";
import { useVersionedForm } from "@/lib/use-versioned-form";
import { type SlaPolicyInput, useCreateSlaPolicy } from "../api/create-sla-policy";
import { useUpdateSlaPolicy } from "../api/update-sla-policy";
import { DEFAULT_DURATIONS, type Durations } from "./sla-durations";
import { SlaPolicyFields } from "./sla-policy-fields";

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
        <SlaPolicyFields />
      </Form>
    </Modal>
  );
}
