import { Button, Card, Col, Flex, Form, Row, Typography } from "antd";
import { type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import type { CaseDetail, CustomerDetail } from "@/lib/types";
import { useDebounced } from "@/lib/use-debounced";
import { IntakeCaller } from "./intake-caller";
import { IntakeCaseFields } from "./intake-case-fields";
import { IntakeCreated } from "./intake-created";
import type { IntakeValues } from "./intake-values";
import { useIntakeSubmit } from "./use-intake-submit";

/**
 * Renders knowledge suggestions for the case being typed (its title and category); the app
 * composes it from the knowledge feature.
 */
export type SuggestionSlot = (title: string, categoryId: string | undefined) => ReactNode;

/** The intake (登记) screen, made for a phone call: look up, fill in, Ctrl/Cmd+Enter. */
export function IntakeForm({ suggestions }: { suggestions?: SuggestionSlot } = {}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<IntakeValues>();
  const [search, setSearch] = useState("");
  const [customer, setCustomer] = useState<CustomerDetail | null>(null);
  const [created, setCreated] = useState<CaseDetail | null>(null);
  const typedTitle = useDebounced(Form.useWatch<string | undefined>("title", form) ?? "");
  const typedCategory = Form.useWatch<string | undefined>("category_id", form);
  const { submit, pending } = useIntakeSubmit(form, customer, (result) => {
    setCreated(result);
    form.resetFields();
    setCustomer(null);
    setSearch("");
  });

  const select = (c: CustomerDetail, propertyId?: string, project?: string) => {
    setCustomer(c);
    form.setFieldsValue({ property_id: propertyId, project_id: project });
  };

  const onKeyDown = (event: React.KeyboardEvent) => {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      form.submit();
    }
  };

  return (
    <Flex vertical gap="middle" onKeyDown={onKeyDown}>
      {created && <IntakeCreated created={created} />}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={10}>
          <IntakeCaller
            search={search}
            onSearch={setSearch}
            customer={customer}
            onSelect={select}
            onClear={() => {
              setCustomer(null);
            }}
            onUnknownPhone={(phone) => {
              form.setFieldValue("new_phone", phone);
            }}
          />
          {suggestions?.(typedTitle, typedCategory)}
        </Col>
        <Col xs={24} lg={14}>
          <Card title={t("intake.title")}>
            <Form<IntakeValues>
              form={form}
              layout="vertical"
              onFinish={submit}
              initialValues={{ kind: "complaint", channel: "phone", severity: "normal" }}
            >
              <IntakeCaseFields customer={customer} />
              <Flex justify="space-between" align="center" wrap gap="small">
                <Typography.Text type="secondary">{t("intake.shortcut")}</Typography.Text>
                <Button type="primary" htmlType="submit" loading={pending} data-testid="intake-submit">
                  {t("intake.submit")}
                </Button>
              </Flex>
            </Form>
          </Card>
        </Col>
      </Row>
    </Flex>
  );
}
