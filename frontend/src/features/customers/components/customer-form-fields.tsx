import { Button, Col, DatePicker, Form, Input, InputNumber, Row, Select, Space } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { components } from "@/api/schema";
import { usePropertyOptions } from "../api/property-options";

type Customer = components["schemas"]["CustomerDetail"];
type Relation = components["schemas"]["Relation"];

const RELATIONS: Relation[] = ["owner", "tenant", "family"];

/** The customer's phone numbers; read-only while the caller sees them masked. */
export function PhonesField({ masked }: { masked: boolean }) {
  const { t } = useTranslation();
  return (
    <Form.List name="phones">
      {(fields, { add, remove }) => (
        <Form.Item label={t("case.field.phone")} extra={masked ? t("customers.phonesMaskedHint") : undefined}>
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
  );
}

/** The linked properties with the customer's relation to each; more are searched by room. */
export function PropertiesField({ customer }: { customer: Customer }) {
  const { t } = useTranslation();
  const [propertySearch, setPropertySearch] = useState("");
  const properties = usePropertyOptions(propertySearch);
  const propertyOptions = [
    ...customer.properties.map((p) => ({ value: p.property_id, label: p.label })),
    ...(properties.data?.items ?? [])
      .filter((p) => !customer.properties.some((c) => c.property_id === p.id))
      .map((p) => ({ value: p.id, label: `${p.building} ${p.unit} ${p.room}` })),
  ];
  return (
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
  );
}

/** Move-in date, household size and the emergency contact (read-only while masked). */
export function HouseholdFields({ masked }: { masked: boolean }) {
  const { t } = useTranslation();
  return (
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
  );
}
