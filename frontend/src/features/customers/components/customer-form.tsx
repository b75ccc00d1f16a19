import { Alert, Button, Col, DatePicker, Form, Input, InputNumber, Modal, Row, Select, Space } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { components } from "@/api/schema";
import { ApiError, applyFieldErrors, errorDetail, errorMessage } from "@/lib/problem";
import { usePropertyOptions } from "../api/property-options";
import { useUpdateCustomer } from "../api/update-customer";
import { type CustomerValues, initialValues, toUpdate } from "./customer-values";

type Customer = components["schemas"]["CustomerDetail"];
type Relation = components["schemas"]["Relation"];

const RELATIONS: Relation[] = ["owner", "tenant", "family"];

/**
 * Edits a customer's archive. The save carries the version the page read (If-Match); after a
 * 412 the customer reloads, the typed values stay and the next save uses the fresh version.
 */
export function CustomerForm({ customer, onClose }: { customer: Customer; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<CustomerValues>();
  const [propertySearch, setPropertySearch] = useState("");
  const [problem, setProblem] = useState<{ title: string; detail?: string } | null>(null);
  const properties = usePropertyOptions(propertySearch);
  const save = useUpdateCustomer();
  const masked = customer.phones_masked;
  const propertyOptions = [
    ...customer.properties.map((p) => ({ value: p.property_id, label: p.label })),
    ...(properties.data?.items ?? [])
      .filter((p) => !customer.properties.some((c) => c.property_id === p.id))
      .map((p) => ({ value: p.id, label: `${p.building} ${p.unit} ${p.room}` })),
  ];

  const submit = (values: CustomerValues) => {
    setProblem(null);
    save.mutate(
      { id: customer.id, version: customer.version, body: toUpdate(values, masked) },
      {
        onSuccess: onClose,
        onError: (error) => {
          if (error instanceof ApiError && error.status === 412) {
            setProblem({ title: t("customers.staleTitle"), detail: t("customers.staleBody") });
            return;
          }
          const rest = applyFieldErrors(form, error);
          setProblem({
            title: errorMessage(error, t),
            detail: rest.map((r) => r.errors.join(" ")).join("; ") || errorDetail(error) || undefined,
          });
        },
      },
    );
  };

  return (
    <Modal
      open
      width={720}
      title={t("customers.editTitle", { name: customer.name })}
      okText={t("common.save")}
      cancelText={t("common.cancel")}
      confirmLoading={save.isPending}
      onOk={() => {
        form.submit();
      }}
      onCancel={onClose}
      okButtonProps={{ id: "customer-save" }}
      destroyOnHidden
    >
      {problem && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          message={problem.title}
          description={problem.detail}
        />
      )}
      <Form form={form} layout="vertical" initialValues={initialValues(customer)} onFinish={submit}>
        <Form.Item
          name="name"
          label={t("common.name")}
          rules={[{ required: true, message: t("common.required") }]}
        >
          <Input maxLength={100} />
        </Form.Item>
        <Form.List name="phones">
          {(fields, { add, remove }) => (
            <Form.Item
              label={t("case.field.phone")}
              extra={masked ? t("customers.phonesMaskedHint") : undefined}
            >
              {fields.map((field) => (
                <Space key={field.key} style={{ display: "flex", marginBottom: 4 }}>
                  <Form.Item name={field.name} noStyle>
                    <Input disabled={masked} aria-label={t("case.field.phone")} />
                  </Form.Item>
                  {!masked && fields.length > 1 && (
                    <Button
                      onClick={() => {
                        remove(field.name);
                      }}
                    >
                      {t("common.delete")}
                    </Button>
                  )}
                </Space>
              ))}
              {!masked && (
                <Button
                  onClick={() => {
                    add("");
                  }}
                >
                  {t("customers.addPhone")}
                </Button>
              )}
            </Form.Item>
          )}
        </Form.List>
        <Form.List name="properties">
          {(fields, { add, remove }) => (
            <Form.Item label={t("customers.properties")}>
              {fields.map((field) => (
                <Space key={field.key} style={{ display: "flex", marginBottom: 4 }}>
                  <Form.Item name={[field.name, "property_id"]} noStyle>
                    <Select
                      showSearch
                      filterOption={false}
                      onSearch={setPropertySearch}
                      options={propertyOptions}
                      style={{ width: 260 }}
                      aria-label={t("customers.properties")}
                    />
                  </Form.Item>
                  <Form.Item name={[field.name, "relation"]} noStyle>
                    <Select
                      style={{ width: 120 }}
                      aria-label={t("customers.relationLabel")}
                      options={RELATIONS.map((r) => ({ value: r, label: t(`customers.relation.${r}`) }))}
                    />
                  </Form.Item>
                  <Button
                    onClick={() => {
                      remove(field.name);
                    }}
                  >
                    {t("common.delete")}
                  </Button>
                </Space>
              ))}
              <Button
                onClick={() => {
                  add({ property_id: undefined, relation: "owner" });
                }}
              >
                {t("customers.addProperty")}
              </Button>
            </Form.Item>
          )}
        </Form.List>
        <Form.Item name="tags" label={t("customers.tags")}>
          <Select mode="tags" tokenSeparators={[",", "，"]} open={false} />
        </Form.Item>
        <Row gutter={12}>
          <Col xs={24} sm={12}>
            <Form.Item name="move_in_on" label={t("customers.moveInOn")}>
              <DatePicker style={{ width: "100%" }} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="household_size" label={t("customers.householdSize")}>
              <InputNumber min={0} max={99} precision={0} style={{ width: "100%" }} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name={["emergency_contact", "name"]} label={t("customers.emergencyName")}>
              <Input maxLength={50} disabled={masked} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name={["emergency_contact", "phone"]} label={t("customers.emergencyPhone")}>
              <Input disabled={masked} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="notes" label={t("customers.notes")}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
