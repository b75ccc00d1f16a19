import { Alert, Button, Card, Col, Empty, Input, List, Row, Space, Spin, Tag } from "antd";
import { errorMessage } from "@/lib/problem";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router-dom";
import { useCustomer } from "../api/get-customer";
import { useCustomers } from "../api/customers";
import { CustomerProfile } from "./customer-profile";

/** Customer search and profile; phone numbers are shown as the API sends them (masked for some roles). */
export function Customers({ manage = false }: { manage?: boolean }) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const q = params.get("q") ?? "";
  const id = params.get("id");
  const list = useCustomers(q);
  const detail = useCustomer(id);
  const update = (next: Record<string, string | null>) => {
    const copy = new URLSearchParams(params);
    for (const [k, v] of Object.entries(next)) {
      if (v) copy.set(k, v);
      else copy.delete(k);
    }
    setParams(copy, { replace: true });
  };
  const c = detail.data;
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={9}>
        <Card>
          <Input.Search
            allowClear
            defaultValue={q}
            placeholder={t("customers.searchPlaceholder")}
            onSearch={(value) => {
              update({ q: value });
            }}
          />
          <List
            loading={list.isPending}
            dataSource={list.data?.items ?? []}
            renderItem={(item) => (
              <List.Item
                style={{
                  cursor: "pointer",
                  background: item.id === id ? "#e6f4ff" : undefined,
                  paddingInline: 8,
                }}
                onClick={() => {
                  update({ id: item.id });
                }}
              >
                <List.Item.Meta
                  title={item.name}
                  description={
                    <Space wrap size={4}>
                      <span>{item.phones.join(", ")}</span>
                      {item.properties.map((p) => (
                        <Tag key={p.property_id}>{p.label}</Tag>
                      ))}
                    </Space>
                  }
                />
              </List.Item>
            )}
          />
        </Card>
      </Col>
      <Col xs={24} lg={15}>
        <Card>
          {!id ? (
            <Empty description={t("customers.choose")} />
          ) : detail.isError ? (
            <Alert
              type="error"
              showIcon
              message={errorMessage(detail.error, t)}
              action={
                <Button
                  onClick={() => {
                    void detail.refetch();
                  }}
                >
                  {t("common.retry")}
                </Button>
              }
            />
          ) : !c ? (
            <Spin />
          ) : (
            <CustomerProfile customer={c} manage={manage} />
          )}
        </Card>
      </Col>
    </Row>
  );
}
