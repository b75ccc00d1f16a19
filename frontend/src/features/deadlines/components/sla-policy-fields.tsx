import { Form, Select, Switch } from "antd";
import { useTranslation } from "react-i18next";
import { CASE_KINDS, type CaseKind, SEVERITIES, type Severity } from "@/lib/types";
import { DurationInput } from "./duration";
import { DURATION_FIELDS } from "./sla-durations";

/** What an SLA policy applies to (kind, severity; none: any) and its durations. */
export function SlaPolicyFields() {
  const { t } = useTranslation();
  return (
    <>
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
    </>
  );
}
