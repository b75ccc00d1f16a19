import { App, Button, Card, Flex, Popconfirm, Table, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { components } from "@/api/schema";
import { errorMessage } from "@/lib/problem";
import { useProjects, useUsers } from "@/lib/reference";
import { useDeleteEscalationContact } from "../api/delete-escalation-contact";
import { useEscalationContacts } from "../api/escalation-contacts";
import { EscalationContactForm } from "./escalation-contact-form";

type Contact = components["schemas"]["EscalationContactView"];

/** Who is told when a case reaches each level, for all projects or one. */
export function EscalationContacts() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const contacts = useEscalationContacts();
  const projects = useProjects();
  const users = useUsers();
  const remove = useDeleteEscalationContact();
  const projectName = (id?: string | null) =>
    id ? (projects.data?.items.find((p) => p.id === id)?.name ?? id) : t("deadlines.allProjects");
  const userName = (c: Contact) =>
    c.user_name ?? users.data?.items.find((u) => u.id === c.user_id)?.display_name ?? c.user_id;

  return (
    <Card title={t("deadlines.contacts")}>
      <Typography.Paragraph type="secondary">{t("deadlines.contactsHint")}</Typography.Paragraph>
      <EscalationContactForm />
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
