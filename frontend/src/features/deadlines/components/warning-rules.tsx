import { App, Button, Card, Divider, Flex, Form, InputNumber, Spin, Switch, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { ApiError, applyFieldErrors, errorMessage } from "@/lib/problem";
import { type WarningRules as Rules, useUpdateWarningRules } from "../api/update-warning-rules";
import { useWarningRules } from "../api/warning-rules";
import { ReadOnlyNotice } from "./read-only-notice";

function RulesForm({ rules, etag, editable }: { rules: Rules; etag: string; editable: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Rules>();
  const save = useUpdateWarningRules();
  const number = (name: [keyof Rules, string], label: string, min = 1) => (
    <Form.Item name={name} label={label} rules={[{ required: true, message: t("common.required") }]}>
      <InputNumber min={min} precision={0} style={{ width: 120 }} />
    </Form.Item>
  );
  const enabled = (rule: keyof Rules) => (
    <Form.Item name={[rule, "enabled"]} label={t("deadlines.enabled")} valuePropName="checked">
      <Switch />
    </Form.Item>
  );
  return (
    <Form<Rules>
      form={form}
      layout="vertical"
      initialValues={rules}
      disabled={!editable}
      onFinish={(values) => {
        save.mutate(
          { etag, body: values },
          {
            onSuccess: () => void message.success(t("deadlines.saved")),
            onError: (error) => {
              applyFieldErrors(form, error);
              void message.error(
                error instanceof ApiError && error.status === 412
                  ? t("errors.stale")
                  : errorMessage(error, t),
              );
            },
          },
        );
      }}
    >
      {(["property_cluster", "building_cluster"] as const).map((rule) => (
        <div key={rule}>
          <Divider orientation="left" plain>
            {t(`warnings.rule.${rule}`)}
          </Divider>
          <Flex gap="large" wrap>
            {enabled(rule)}
            {number([rule, "count"], t("deadlines.ruleCount"))}
            {number([rule, "days"], t("deadlines.ruleDays"))}
          </Flex>
        </div>
      ))}
      <Divider orientation="left" plain>
        {t("warnings.rule.category_surge")}
      </Divider>
      <Flex gap="large" wrap>
        {enabled("category_surge")}
        {number(["category_surge", "percent"], t("deadlines.rulePercent"))}
        {number(["category_surge", "min_count"], t("deadlines.ruleMinCount"))}
      </Flex>
      <Divider orientation="left" plain>
        {t("warnings.rule.repeat_customer")}
      </Divider>
      <Flex gap="large" wrap>
        {enabled("repeat_customer")}
        {number(["repeat_customer", "days"], t("deadlines.ruleDays"))}
      </Flex>
      {editable && (
        <Button type="primary" htmlType="submit" loading={save.isPending}>
          {t("common.save")}
        </Button>
      )}
    </Form>
  );
}

/** When complaint warnings fire (read-only without `editable`). */
export function WarningRules({ editable }: { editable: boolean }) {
  const { t } = useTranslation();
  const rules = useWarningRules();
  return (
    <Card title={t("deadlines.warningRules")}>
      {!editable && <ReadOnlyNotice />}
      <Typography.Paragraph type="secondary">{t("deadlines.warningRulesHint")}</Typography.Paragraph>
      {rules.isError ? (
        <Typography.Text type="danger">{errorMessage(rules.error, t)}</Typography.Text>
      ) : rules.data ? (
        <RulesForm
          key={rules.data.etag}
          rules={rules.data.rules}
          etag={rules.data.etag}
          editable={editable}
        />
      ) : (
        <Spin />
      )}
    </Card>
  );
}
