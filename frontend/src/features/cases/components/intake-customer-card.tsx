import { Button, Card, List, Space, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import type { CustomerDetail } from "@/lib/types";
import { StatusTag } from "./case-tags";

/**
 * A customer the lookup found: phones, the repeat-complaint mark, their properties (a click picks
 * that property) and recent cases.
 */
export function IntakeCustomerCard({
  customer,
  selected,
  onSelect,
}: {
  customer: CustomerDetail;
  selected: boolean;
  onSelect: (customer: CustomerDetail, propertyId?: string, projectId?: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <Card
      size="small"
      data-testid="intake-customer"
      style={{ borderColor: selected ? "#1677ff" : undefined }}
      title={
        <Space wrap>
          <span>{customer.name}</span>
          <Typography.Text type="secondary">{customer.phones.join(", ")}</Typography.Text>
          {customer.repeat_complaint && (
            <Tag color="red" data-testid="repeat-complaint">
              {t("intake.repeatComplaint")}
            </Tag>
          )}
        </Space>
      }
      extra={
        <Button
          size="small"
          type={selected ? "primary" : "default"}
          onClick={() => {
            const first = customer.properties[0];
            onSelect(customer, first?.property_id, first?.project_id);
          }}
        >
          {selected ? t("intake.selected") : t("intake.select")}
        </Button>
      }
    >
      <Space wrap style={{ marginBottom: 8 }}>
        {customer.properties.map((p) => (
          <Tag
            key={p.property_id}
            style={{ cursor: "pointer" }}
            onClick={() => {
              onSelect(customer, p.property_id, p.project_id);
            }}
          >
            {p.label}
          </Tag>
        ))}
      </Space>
      {customer.recent_cases.length > 0 && (
        <List
          size="small"
          dataSource={customer.recent_cases.slice(0, 5)}
          renderItem={(c) => (
            <List.Item>
              <Space wrap>
                <Link to={`/cases/${c.id}`}>{c.number}</Link>
                <StatusTag status={c.status} />
                <span>{c.title}</span>
              </Space>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
