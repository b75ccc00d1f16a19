import { Form, Input, Select } from "antd";
import { useTranslation } from "react-i18next";
import type { Role } from "@/lib/auth";
import { useDepartments, useProjects } from "@/lib/reference";
import { options, useRequired } from "../utils/form";

const ROLES: readonly Role[] = ["admin", "manager", "supervisor", "agent", "steward", "handler"];

/** A user account's fields; the username and the password only when creating. */
export function UserFields({ mode }: { mode: "create" | "edit" }) {
  const { t } = useTranslation();
  const departments = useDepartments();
  const projects = useProjects();
  const required = useRequired();
  return (
    <>
      {mode === "create" && (
        <>
          <Form.Item name="username" label={t("admin.username")} rules={required}>
            <Input autoComplete="off" />
          </Form.Item>
          <Form.Item name="password" label={t("admin.password")} rules={required}>
            <Input.Password autoComplete="new-password" />
          </Form.Item>
        </>
      )}
      <Form.Item name="display_name" label={t("admin.displayName")} rules={required}>
        <Input />
      </Form.Item>
      <Form.Item name="role" label={t("admin.role")} rules={required}>
        <Select options={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))} />
      </Form.Item>
      <Form.Item name="department_id" label={t("admin.department")}>
        <Select allowClear options={options(departments.data?.items)} />
      </Form.Item>
      <Form.Item name="phone" label={t("admin.phone")}>
        <Input inputMode="tel" />
      </Form.Item>
      <Form.Item name="project_ids" label={t("admin.projects")}>
        <Select mode="multiple" allowClear optionFilterProp="label" options={options(projects.data?.items)} />
      </Form.Item>
    </>
  );
}
