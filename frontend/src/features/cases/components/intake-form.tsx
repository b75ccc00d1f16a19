import { App, Button, Card, Col, Flex, Form, Row, Typography } from "antd";
import { type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import { applyFieldErrors, errorMessage } from "@/lib/problem";
import type { CaseDetail, CaseKind, Channel, CustomerDetail, Severity } from "@/lib/types";
import { useDebounced } from "@/lib/use-debounced";
import { type CreateCaseBody, useCreateCase } from "../api/create-case";
import { IntakeCaller } from "./intake-caller";
import { IntakeCaseFields } from "./intake-case-fields";
import { IntakeCreated } from "./intake-created";

interface IntakeValues {
  kind: CaseKind;
  channel: Channel;
  severity: Severity;
  category_id?: string;
  project_id?: string;
  property_id?: string;
  title: string;
  description: string;
  new_name?: string;
  new_phone?: string;
}

/**
 * Renders knowledge suggestions for the case being typed (its title and category); the app
 * composes it from the knowledge feature.
 */
export type SuggestionSlot = (title: string, categoryId: string | undefined) => ReactNode;

/** The intake (登记) screen, made for a phone call: look up, fill in, Ctrl/Cmd+Enter. */
export function IntakeForm({ suggestions }: { suggestions?: SuggestionSlot } = {}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<IntakeValues>();
  const [search, setSearch] = useState("");
  const [customer, setCustomer] = useState<CustomerDetail | null>(null);
  const [created, setCreated] = useState<CaseDetail | null>(null);
  // One key per case being registered: a retried submission is not registered twice.
  const [submissionKey, setSubmissionKey] = useState(() => crypto.randomUUID());
  const typedTitle = useDebounced(Form.useWatch<string | undefined>("title", form) ?? "");
  const typedCategory = Form.useWatch<string | undefined>("category_id", form);
  const create = useCreateCase();

  const select = (c: CustomerDetail, propertyId?: string, project?: string) => {
    setCustomer(c);
    form.setFieldsValue({ property_id: propertyId, project_id: project });
  };

  const submit = (values: IntakeValues) => {
    if (create.isPending) return;
    const body: CreateCaseBody = {
      kind: values.kind,
      channel: values.channel,
      severity: values.severity,
      category_id: values.category_id ?? null,
      project_id: values.project_id ?? null,
      property_id: values.property_id ?? null,
      title: values.title,
      description: values.description,
      customer_id: customer?.id ?? null,
      customer:
        !customer && values.new_name && values.new_phone
          ? { name: values.new_name, phone: values.new_phone }
          : null,
    };
    create.mutate(
      { body, key: submissionKey },
      {
        onSuccess: (result) => {
          setCreated(result);
          setSubmissionKey(crypto.randomUUID());
          form.resetFields();
          setCustomer(null);
          setSearch("");
        },
        onError: (error) => {
          const rest = applyFieldErrors(form, error);
          void message.error(
            rest.length > 0 ? rest.map((r) => r.errors.join(" ")).join("; ") : errorMessage(error, t),
          );
        },
      },
    );
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
                <Button
                  type="primary"
                  htmlType="submit"
                  loading={create.isPending}
                  data-testid="intake-submit"
                >
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
