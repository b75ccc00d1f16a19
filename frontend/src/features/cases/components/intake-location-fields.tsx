import { Col, Form, Row, Select } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useProjects } from "@/lib/reference";
import type { CustomerDetail } from "@/lib/types";
import { useDebounced } from "@/lib/use-debounced";
import { useProperties } from "../api/intake-properties";

/**
 * Where: the project, and the property searched within it. The chosen customer's own properties
 * are offered first; picking a property sets its project.
 */
export function IntakeLocationFields({ customer }: { customer: CustomerDetail | null }) {
  const { t } = useTranslation();
  const form = Form.useFormInstance();
  const projectId = Form.useWatch<string | undefined>("project_id", form);
  const [search, setSearch] = useState("");
  const projects = useProjects();
  const properties = useProperties(useDebounced(search), projectId);
  return (
    <Row gutter={12}>
      <Col xs={24} sm={10}>
        <Form.Item name="project_id" label={t("case.field.project")}>
          <Select
            allowClear
            data-testid="project-select"
            options={projects.data?.items.map((p) => ({ value: p.id, label: p.name }))}
          />
        </Form.Item>
      </Col>
      <Col xs={24} sm={14}>
        <Form.Item name="property_id" label={t("case.field.property")}>
          <Select
            allowClear
            showSearch
            filterOption={false}
            data-testid="property-select"
            onSearch={setSearch}
            options={[
              ...(customer?.properties
                .filter((p) => !properties.data?.items.some((x) => x.id === p.property_id))
                .map((p) => ({ value: p.property_id, label: p.label })) ?? []),
              ...(properties.data?.items.map((p) => ({
                value: p.id,
                label: `${p.building} ${p.unit} ${p.room}`,
              })) ?? []),
            ]}
            onChange={(value: string | undefined) => {
              const p = properties.data?.items.find((x) => x.id === value);
              if (p) form.setFieldValue("project_id", p.project_id);
            }}
          />
        </Form.Item>
      </Col>
    </Row>
  );
}
