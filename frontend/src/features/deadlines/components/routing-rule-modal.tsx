import { App, Form, Modal, Select, Switch, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { components } from "@/api/schema";
import { CASE_KINDS, type CaseKind, SEVERITIES, type Severity } from "@/lib/types";
import { useVersionedForm } from "@/lib/use-versioned-form";
import { type RoutingRuleInput, useCreateRoutingRule } from "../api/create-routing-rule";
import { useUpdateRoutingRule } from "../api/update-routing-rule";
import { useRoutingNames } from "./use-routing-names";

type Rule = components["schemas"]["RoutingRuleView"];

interface RuleValues {
  project_id?: string | null;
  category_id?: string;
  kind?: CaseKind | null;
  severity?: Severity | null;
  department_id?: string;
  auto_dispatch: boolean;
}

/** Creates a routing rule, or edits `rule` (sent with its version). */
export function RoutingRuleModal({ rule, onClose }: { rule: Rule | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<RuleValues>();
  const names = useRoutingNames();
  const create = useCreateRoutingRule();
  const update = useUpdateRoutingRule();
  const { save, problem, saving } = useVersionedForm({
    form,
    row: rule,
    create,
    update,
    conflict: t("routing.exists"),
    onSaved: () => {
      void message.success(t("deadlines.saved"));
      onClose();
    },
  });
  const required = [{ required: true, message: t("common.required") }];

  const submit = (values: RuleValues) => {
    const body: RoutingRuleInput = {
      project_id: values.project_id ?? null,
      category_id: values.category_id ?? "",
      kind: values.kind ?? null,
      severity: values.severity ?? null,
      department_id: values.department_id ?? "",
      auto_dispatch: values.auto_dispatch,
    };
    save({ create: body, update: body });
  };

  return (
    <Modal
      open
      title={rule ? t("routing.edit") : t("routing.new")}
      okText={t("common.save")}
      cancelText={t("common.cancel")}
      confirmLoading={saving}
      okButtonProps={{ id: "routing-submit" }}
      onOk={() => {
        form.submit();
      }}
      onCancel={onClose}
      destroyOnHidden
    >
      {problem && (
        <Typography.Paragraph type="danger" data-testid="routing-problem">
          {problem}
        </Typography.Paragraph>
      )}
      <Form<RuleValues>
        form={form}
        layout="horizontal"
        labelCol={{ span: 7 }}
        onFinish={submit}
        initialValues={
          rule
            ? {
                project_id: rule.project_id ?? null,
                category_id: rule.category_id,
                kind: rule.kind ?? null,
                severity: rule.severity ?? null,
                department_id: rule.department_id,
                auto_dispatch: rule.auto_dispatch,
              }
            : { project_id: null, kind: null, severity: null, auto_dispatch: false }
        }
      >
        <Form.Item name="project_id" label={t("routing.project")}>
          <Select<string>
            allowClear
            placeholder={t("routing.company")}
            data-testid="routing-project"
            options={names.projects.map((p) => ({ value: p.id, label: p.name }))}
          />
        </Form.Item>
        <Form.Item name="category_id" label={t("routing.category")} rules={required}>
          <Select<string>
            showSearch
            optionFilterProp="label"
            placeholder={t("routing.chooseCategory")}
            notFoundContent={t("routing.noOptions")}
            data-testid="routing-category"
            options={names.categories
              .filter((c) => c.active || c.id === rule?.category_id)
              .map((c) => ({ value: c.id, label: c.name }))}
          />
        </Form.Item>
        <Form.Item name="kind" label={t("case.field.kind")}>
          <Select<CaseKind>
            allowClear
            placeholder={t("deadlines.anyKind")}
            data-testid="routing-kind"
            options={CASE_KINDS.map((k) => ({ value: k, label: t(`case.kind.${k}`) }))}
          />
        </Form.Item>
        <Form.Item name="severity" label={t("case.field.severity")}>
          <Select<Severity>
            allowClear
            placeholder={t("deadlines.anySeverity")}
            data-testid="routing-severity"
            options={SEVERITIES.map((s) => ({ value: s, label: t(`case.severity.${s}`) }))}
          />
        </Form.Item>
        <Form.Item name="department_id" label={t("routing.department")} rules={required}>
          <Select<string>
            showSearch
            optionFilterProp="label"
            placeholder={t("routing.chooseDepartment")}
            notFoundContent={t("routing.noOptions")}
            data-testid="routing-department"
            options={names.departments.map((d) => ({ value: d.id, label: d.name }))}
          />
        </Form.Item>
        <Form.Item
          name="auto_dispatch"
          label={t("routing.autoDispatch")}
          valuePropName="checked"
          extra={t("routing.autoDispatchHint")}
        >
          <Switch data-testid="routing-auto" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
