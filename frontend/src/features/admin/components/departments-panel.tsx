import { Form, Input } from "antd";
import { useTranslation } from "react-i18next";
import type { components } from "@/api/schema";
import { useDepartments } from "@/lib/reference";
import { type CreateDepartmentBody, useCreateDepartment } from "../api/create-department";
import { useUpdateDepartment } from "../api/update-department";
import { useRequired } from "../utils/form";
import { ResourcePanel } from "./resource-panel";

type Schemas = components["schemas"];

export function Departments() {
  const { t } = useTranslation();
  const departments = useDepartments();
  const create = useCreateDepartment();
  const update = useUpdateDepartment();
  const required = useRequired();
  return (
    <ResourcePanel<Schemas["DepartmentResponse"], CreateDepartmentBody>
      name="departments"
      title={t("admin.departments")}
      list={departments}
      onCreate={(v) => create.mutateAsync(v)}
      toForm={(d) => ({ name: d.name, kind: d.kind })}
      onUpdate={(d, body) => update.mutateAsync({ id: d.id, version: d.version, body })}
      fields={() => (
        <>
          <Form.Item name="name" label={t("common.name")} rules={required}>
            <Input />
          </Form.Item>
          <Form.Item name="kind" label={t("admin.kind")} rules={required}>
            <Input placeholder="engineering" />
          </Form.Item>
        </>
      )}
      columns={[
        { key: "name", title: t("common.name"), dataIndex: "name" },
        { key: "kind", title: t("admin.kind"), dataIndex: "kind" },
      ]}
    />
  );
}
