import { Form, Select, Switch } from "antd";
import { useTranslation } from "react-i18next";
import { CASE_KINDS, type CaseKind, SEVERITIES, type Severity } from "@/lib/types";
import { useRoutingNames } from "./use-routing-names";

/**
 * What a routing rule matches (project, category, kind, severity) and where it sends the case
 * (department, auto dispatch). `categoryId` (the edited rule's) stays choosable when inactive.
 */
export function RoutingRuleFields({ categoryId }: { categoryId: string | undefined }) {
  const { t } = useTranslation();
  const names = useRoutingNames();
  const required = [{ required: true, message: t("common.required") }];
  return (
    <>
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
            .filter((c) => c.active || c.id === categoryId)
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
    </>
  );
}
