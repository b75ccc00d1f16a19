import { App, Button, Form, Select } from "antd";
import { useTranslation } from "react-i18next";
import { errorMessage } from "@/lib/problem";
import { useProjects, useUsers } from "@/lib/reference";
import { type Level, LEVELS } from "@/lib/types";
import { type CreateEscalationContact, useCreateEscalationContact } from "../api/create-escalation-contact";

/** Adds an escalation contact: the level, the project (none: all projects) and the user. */
export function EscalationContactForm() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<CreateEscalationContact>();
  const projects = useProjects();
  const users = useUsers();
  const create = useCreateEscalationContact();
  return (
    <Form<CreateEscalationContact>
      form={form}
      layout="inline"
      style={{ marginBottom: 16, rowGap: 8 }}
      onFinish={(values) => {
        create.mutate(
          { ...values, project_id: values.project_id ?? null },
          {
            onSuccess: () => {
              form.resetFields();
              void message.success(t("deadlines.saved"));
            },
            onError: (error) => void message.error(errorMessage(error, t)),
          },
        );
      }}
    >
      <Form.Item name="level" rules={[{ required: true, message: t("common.required") }]}>
        <Select<Level>
          placeholder={t("case.field.level")}
          style={{ width: 120 }}
          options={LEVELS.map((l) => ({ value: l, label: t(`case.level.${l}`) }))}
        />
      </Form.Item>
      <Form.Item name="project_id">
        <Select
          allowClear
          placeholder={t("deadlines.allProjects")}
          style={{ width: 180 }}
          options={projects.data?.items.map((p) => ({ value: p.id, label: p.name }))}
        />
      </Form.Item>
      <Form.Item name="user_id" rules={[{ required: true, message: t("common.required") }]}>
        <Select
          showSearch
          optionFilterProp="label"
          placeholder={t("deadlines.user")}
          style={{ width: 220 }}
          options={users.data?.items.map((u) => ({
            value: u.id,
            label: `${u.display_name} (${t(`roles.${u.role}`)})`,
          }))}
        />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={create.isPending}>
        {t("deadlines.addContact")}
      </Button>
    </Form>
  );
}
