import { Button, Descriptions, List, Space, Tag, Typography } from "antd";
import dayjs from "dayjs";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import type { components } from "@/api/schema";
import { ActivationCode } from "./activation-code";
import { CustomerForm } from "./customer-form";

type Customer = components["schemas"]["CustomerDetail"];

/** One customer's archive: contact, properties, household facts and recent cases. */
export function CustomerProfile({ customer: c, manage }: { customer: Customer; manage: boolean }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const contact = c.emergency_contact ? `${c.emergency_contact.name} ${c.emergency_contact.phone}` : "—";
  return (
    <>
      <Space wrap>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {c.name}
        </Typography.Title>
        {c.repeat_complaint && <Tag color="red">{t("intake.repeatComplaint")}</Tag>}
        {c.phones_masked && <Tag>{t("customers.masked")}</Tag>}
        {manage && (
          <Button
            data-testid="customer-edit"
            onClick={() => {
              setEditing(true);
            }}
          >
            {t("common.edit")}
          </Button>
        )}
        {manage && <ActivationCode customerId={c.id} name={c.name} />}
      </Space>
      <Descriptions
        size="small"
        style={{ marginTop: 12 }}
        column={1}
        items={[
          { key: "phone", label: t("case.field.phone"), children: c.phones.join(", ") || "—" },
          {
            key: "props",
            label: t("customers.properties"),
            children: (
              <Space wrap>
                {c.properties.map((p) => (
                  <Tag key={p.property_id}>
                    {p.label} · {t(`customers.relation.${p.relation}`)}
                  </Tag>
                ))}
              </Space>
            ),
          },
          {
            key: "tags",
            label: t("customers.tags"),
            children: c.tags.length > 0 ? c.tags.map((tag) => <Tag key={tag}>{tag}</Tag>) : "—",
          },
          { key: "moveIn", label: t("customers.moveInOn"), children: c.move_in_on ?? "—" },
          { key: "household", label: t("customers.householdSize"), children: c.household_size ?? "—" },
          { key: "contact", label: t("customers.emergencyContact"), children: contact },
          { key: "notes", label: t("customers.notes"), children: c.notes || "—" },
        ]}
      />
      <Typography.Title level={5}>{t("customers.cases")}</Typography.Title>
      <List
        size="small"
        dataSource={c.recent_cases}
        renderItem={(k) => (
          <List.Item>
            <Space wrap>
              <Link to={`/cases/${k.id}`}>{k.number}</Link>
              <Tag>{t(`case.status.${k.status}`)}</Tag>
              <span>{k.title}</span>
              <Typography.Text type="secondary">{dayjs(k.reported_at).format("YYYY-MM-DD")}</Typography.Text>
            </Space>
          </List.Item>
        )}
      />
      {editing && (
        <CustomerForm
          customer={c}
          onClose={() => {
            setEditing(false);
          }}
        />
      )}
    </>
  );
}
