import { App, Button, Card, Flex, Form, Popconfirm, Select, Table, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { components } from "@/api/schema";
import { errorMessage } from "@/lib/problem";
import { useProjects, useUsers } from "@/lib/reference";
import { type Level, LEVELS } from "@/lib/types";
import { type CreateEscalationContact, useCreateEscalationContact } from "../api/create-escalation-contact";
import { useDeleteEscalationContact } from "../api/delete-escalation-contact";
import { useEscalationContacts } from "../api/escalation-contacts";

type Contact = components["schemas"]["EscalationContactView"];

/** Who is told when a case reaches each level, for all projects or one. */
export function EscalationContacts() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<CreateEscalationContact>();
  const contacts = useEscalationContacts();
  const projects = useProjects();
  const users = useUsers();
  const create = useCreateEscalationContact();
  const remove = useDeleteEscalationContact();
  const projectName = (id?: string | null) =>
    id ? (projects.data?.items.find((p) => p.id === id)?.name ?? id) : t("deadlines.allProjects");
  const userName = (c: Contact) =>
    c.user_name ?? users.data?.items.find((u) => u.id === c.user_id)?.display_name ?? c.user_id;

  return (
    <Card title={t("deadlines.contacts")}>
      <Typography.Paragraph type="secondary">{t("deadlines.contactsHint")}</Typography.Paragraph>
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
      <Table<Contact>
        rowKey="id"
        size="small"
        loading={contacts.isPending}
        dataSource={contacts.data?.items ?? []}
        pagination={false}
        columns={[
          { key: "level", title: t("case.field.level"), render: (_, c) => t(`case.level.${c.level}`) },
          { key: "project", title: t("case.field.project"), render: (_, c) => projectName(c.project_id) },
          { key: "user", title: t("deadlines.user"), render: (_, c) => userName(c) },
          {
            key: "actions",
            title: t("common.actions"),
            render: (_, c) => (
              <Flex>
                <Popconfirm
                  title={t("deadlines.confirmDelete")}
                  okText={t("common.delete")}
                  cancelText={t("common.cancel")}
                  onConfirm={() => {
                    remove.mutate(c.id, { onError: (error) => void message.error(errorMessage(error, t)) });
                  }}
                >
                  <Button size="small" danger>
                    {t("common.delete")}
                  </Button>
                </Popconfirm>
              </Flex>
            ),
          },
        ]}
      />
    </Card>
  );
}
