import {
  Button,
  Card,
  Flex,
  Form,
  Input,
  Modal,
  Popconfirm,
  Result,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { errorMessage } from "@/lib/problem";
import type { ReplyTemplate, TemplateUse } from "../api/types";
import { useDeleteTemplate } from "../api/delete-template";
import { useSaveTemplate } from "../api/save-template";
import { useTemplates } from "../api/templates";

const USES: readonly TemplateUse[] = ["reply", "visit", "comment"];

function TemplateForm({ template, onClose }: { template?: ReplyTemplate; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ name: string; body: string; uses: TemplateUse[] }>();
  const save = useSaveTemplate();
  const submit = async () => {
    const body = await form.validateFields();
    await save.mutateAsync({ template, body });
    onClose();
  };
  return (
    <Modal
      open
      title={template ? t("replyTemplates.edit") : t("replyTemplates.create")}
      okText={t("common.save")}
      confirmLoading={save.isPending}
      onOk={() => {
        submit().catch(() => undefined);
      }}
      onCancel={onClose}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ name: template?.name ?? "", body: template?.body ?? "", uses: template?.uses ?? [] }}
      >
        <Form.Item
          name="name"
          label={t("common.name")}
          rules={[{ required: true, whitespace: true, message: t("common.required") }]}
        >
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item
          name="body"
          label={t("replyTemplates.body")}
          extra={t("replyTemplates.placeholdersHelp")}
          rules={[{ required: true, whitespace: true, message: t("common.required") }]}
        >
          <Input.TextArea rows={5} maxLength={2000} />
        </Form.Item>
        <Form.Item name="uses" label={t("replyTemplates.uses")} extra={t("replyTemplates.usesHelp")}>
          <Select
            mode="multiple"
            options={USES.map((u) => ({ value: u, label: t(`replyTemplates.use.${u}`) }))}
          />
        </Form.Item>
      </Form>
      {save.isError && <Typography.Text type="danger">{errorMessage(save.error, t)}</Typography.Text>}
    </Modal>
  );
}

/** The standard replies: everyone reads them; those who manage the knowledge base write them. */
export function ReplyTemplates({ manage }: { manage: boolean }) {
  const { t } = useTranslation();
  const templates = useTemplates();
  const remove = useDeleteTemplate();
  const [editing, setEditing] = useState<ReplyTemplate | "new" | null>(null);
  if (templates.isError) {
    return (
      <Result
        status="warning"
        title={errorMessage(templates.error, t)}
        extra={<Button onClick={() => void templates.refetch()}>{t("common.retry")}</Button>}
      />
    );
  }
  return (
    <Flex vertical gap="middle">
      {manage && (
        <Flex justify="flex-end">
          <Button
            type="primary"
            onClick={() => {
              setEditing("new");
            }}
          >
            {t("replyTemplates.create")}
          </Button>
        </Flex>
      )}
      <Card>
        <Table<ReplyTemplate>
          rowKey="id"
          loading={templates.isPending}
          dataSource={templates.data?.items ?? []}
          pagination={false}
          locale={{ emptyText: t("replyTemplates.empty") }}
          columns={[
            { title: t("common.name"), dataIndex: "name", width: 180 },
            {
              title: t("replyTemplates.body"),
              dataIndex: "body",
              render: (body: string) => <Typography.Text>{body}</Typography.Text>,
            },
            {
              title: t("replyTemplates.uses"),
              dataIndex: "uses",
              width: 180,
              render: (uses: TemplateUse[]) =>
                uses.length === 0 ? (
                  <Tag>{t("replyTemplates.everywhere")}</Tag>
                ) : (
                  uses.map((u) => <Tag key={u}>{t(`replyTemplates.use.${u}`)}</Tag>)
                ),
            },
            ...(manage
              ? [
                  {
                    title: t("common.actions"),
                    key: "actions",
                    width: 140,
                    render: (_: unknown, row: ReplyTemplate) => (
                      <Space>
                        <Typography.Link
                          onClick={() => {
                            setEditing(row);
                          }}
                        >
                          {t("common.edit")}
                        </Typography.Link>
                        <Popconfirm
                          title={t("replyTemplates.confirmDelete")}
                          onConfirm={() => {
                            remove.mutate(row.id);
                          }}
                        >
                          <Typography.Link type="danger">{t("common.delete")}</Typography.Link>
                        </Popconfirm>
                      </Space>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Card>
      {editing && (
        <TemplateForm
          template={editing === "new" ? undefined : editing}
          onClose={() => {
            setEditing(null);
          }}
        />
      )}
    </Flex>
  );
}
