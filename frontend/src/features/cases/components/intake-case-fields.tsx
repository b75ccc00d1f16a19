import { Col, Form, Input, Row, Segmented, Select, TreeSelect } from "antd";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { useCategories } from "@/lib/reference";
import { CASE_KINDS, CHANNELS, type CustomerDetail, SEVERITIES } from "@/lib/types";
import { categoryTree } from "./category-tree";
import { IntakeLocationFields } from "./intake-location-fields";
import { IntakeRoutingProposal } from "./intake-routing-proposal";

/**
 * The case itself: kind, channel, severity, category (with the routing proposal it leads to),
 * where, title and description. Without a chosen customer, the new caller's name and phone too.
 */
export function IntakeCaseFields({ customer }: { customer: CustomerDetail | null }) {
  const { t, i18n } = useTranslation();
  const categories = useCategories();
  const english = i18n.resolvedLanguage === "en";
  const tree = useMemo(() => categoryTree(categories.data?.items ?? [], english), [categories.data, english]);
  const required = [{ required: true, message: t("common.required") }];
  return (
    <>
      {!customer && (
        <Row gutter={12}>
          <Col xs={24} sm={12}>
            <Form.Item name="new_name" label={t("intake.newName")}>
              <Input data-testid="new-name" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="new_phone" label={t("intake.newPhone")}>
              <Input data-testid="new-phone" />
            </Form.Item>
          </Col>
        </Row>
      )}
      <Form.Item name="kind" label={t("case.field.kind")}>
        <Segmented options={CASE_KINDS.map((k) => ({ value: k, label: t(`case.kind.${k}`) }))} />
      </Form.Item>
      <Row gutter={12}>
        <Col xs={24} sm={12}>
          <Form.Item name="channel" label={t("case.field.channel")}>
            <Select options={CHANNELS.map((c) => ({ value: c, label: t(`case.channel.${c}`) }))} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="severity" label={t("case.field.severity")}>
            <Segmented options={SEVERITIES.map((s) => ({ value: s, label: t(`case.severity.${s}`) }))} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="category_id" label={t("case.field.category")}>
        <TreeSelect allowClear treeDefaultExpandAll treeData={tree} showSearch treeNodeFilterProp="title" />
      </Form.Item>
      <IntakeRoutingProposal />
      <IntakeLocationFields customer={customer} />
      <Form.Item name="title" label={t("case.field.title")} rules={required}>
        <Input data-testid="case-title" />
      </Form.Item>
      <Form.Item name="description" label={t("case.field.description")} rules={required}>
        <Input.TextArea rows={4} data-testid="case-description" />
      </Form.Item>
    </>
  );
}
