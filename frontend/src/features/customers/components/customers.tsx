import { Card, Col, Descriptions, Empty, Input, List, Row, Space, Spin, Tag, Typography } from "antd";
import dayjs from "dayjs";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router-dom";
import { useCustomer, useCustomers } from "../api/customers";
import { ActivationCode } from "./activation-code";

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
          ) : !c ? (
            <Spin />
          ) : (
            <>
              <Space wrap>
                <Typography.Title level={4} style={{ margin: 0 }}>
                  {c.name}
                </Typography.Title>
                {c.repeat_complaint && <Tag color="red">{t("intake.repeatComplaint")}</Tag>}
                {c.phones_masked && <Tag>{t("customers.masked")}</Tag>}
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
                          <Tag key={p.property_id}>{p.label}</Tag>
                        ))}
                      </Space>
                    ),
                  },
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
                      <Typography.Text type="secondary">
                        {dayjs(k.reported_at).format("YYYY-MM-DD")}
                      </Typography.Text>
                    </Space>
                  </List.Item>
                )}
              />
            </>
          )}
        </Card>
      </Col>
    </Row>
  );
}
