import { DatePicker, Form, Input, Select } from "antd";
import { useTranslation } from "react-i18next";
import { useDepartments, useUsers } from "@/lib/reference";
import type { ActionValues } from "./action-values";

/** The department (required or not) and, among its users, the assignee. */
function DepartmentFields({ required }: { required: boolean }) {
  const { t } = useTranslation();
  const form = Form.useFormInstance<ActionValues>();
  const departmentId = Form.useWatch("department_id", form);
  const departments = useDepartments();
  const users = useUsers(departmentId, Boolean(departmentId));
  return (
    <>
      <Form.Item
        name="department_id"
        label={t("case.field.department")}
        rules={required ? [{ required: true, message: t("common.required") }] : []}
      >
        <Select
          data-testid="department-select"
          showSearch
          optionFilterProp="label"
          options={departments.data?.items.map((d) => ({ value: d.id, label: d.name }))}
          onChange={() => {
            form.setFieldValue("assignee_id", undefined);
          }}
        />
      </Form.Item>
      <Form.Item name="assignee_id" label={t("case.field.assignee")}>
        <Select
          data-testid="assignee-select"
          allowClear
          disabled={!departmentId}
          options={users.data?.items.map((u) => ({
            value: u.id,
            label: `${u.display_name} (${u.username})`,
          }))}
        />
      </Form.Item>
    </>
  );
}

/** Dispatch: a department (required), an assignee, a due time and a note. */
export function DispatchFields() {
  const { t } = useTranslation();
  return (
    <>
      <DepartmentFields required />
      <Form.Item name="due_at" label={t("case.field.dueAt")}>
        <DatePicker showTime style={{ width: "100%" }} />
      </Form.Item>
      <Form.Item name="note" label={t("case.field.note")}>
        <Input.TextArea rows={2} />
      </Form.Item>
    </>
  );
}

/** Reassign: another department or assignee, and a note. */
export function ReassignFields() {
  const { t } = useTranslation();
  return (
    <>
      <DepartmentFields required={false} />
      <Form.Item name="note" label={t("case.field.note")}>
        <Input.TextArea rows={2} />
      </Form.Item>
    </>
  );
}
