import { Alert, App, Button, Form, Input, Modal, Select, Space, Table, Tag } from "antd";
import dayjs from "dayjs";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useCan } from "@/lib/permissions";
import { errorMessage } from "@/lib/problem";
import { type CreateNoticeBody, useCreateNotice } from "../api/create-notice";
import { type Notice, type NoticeKind, useNotices } from "../api/notices";
import { useNoticeAction } from "../api/notice-action";
import { useProjects } from "../api/notice-projects";

const KINDS: NoticeKind[] = ["notice", "commitment", "procedure", "price_list", "hotline"];
const STATUS_COLOR = { draft: "default", published: "green", withdrawn: "orange" } as const;

function NewNotice({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<CreateNoticeBody & { buildingsText?: string }>();
  const projects = useProjects();
  const create = useCreateNotice();
  const [key, setKey] = useState(() => crypto.randomUUID());
  const close = () => {
    form.resetFields();
    create.reset();
    setKey(crypto.randomUUID());
    onClose();
  };
  return (
    <Modal
      open={open}
      title={t("notices.new")}
      onCancel={close}
      onOk={() => {
        form.submit();
      }}
      okButtonProps={{ loading: create.isPending, id: "notice-submit" }}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ kind: "notice" }}
        onFinish={(values) => {
          const buildings = (values.buildingsText ?? "")
            .split(/[,，\s]+/)
            .map((b) => b.trim())
            .filter(Boolean);
          create.mutate(
            {
              key,
              body: {
                project_id: values.project_id,
                kind: values.kind,
                title: values.title,
                body: values.body,
                buildings,
              },
            },
            { onSuccess: close },
          );
        }}
      >
        <Form.Item name="project_id" label={t("notices.project")} rules={[{ required: true }]}>
          <Select
            loading={projects.isPending}
            options={(projects.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }))}
          />
        </Form.Item>
        <Form.Item name="kind" label={t("notices.kind")}>
          <Select options={KINDS.map((k) => ({ value: k, label: t(`notices.kinds.${k}`) }))} />
        </Form.Item>
        <Form.Item
          name="title"
          label={t("notices.titleLabel")}
          rules={[{ required: true, whitespace: true }]}
        >
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="body" label={t("notices.body")} rules={[{ required: true, whitespace: true }]}>
          <Input.TextArea rows={6} />
        </Form.Item>
        <Form.Item name="buildingsText" label={t("notices.buildings")} extra={t("notices.buildingsHelp")}>
          <Input />
        </Form.Item>
        {create.isError && <Alert type="error" showIcon message={errorMessage(create.error, t)} />}
      </Form>
    </Modal>
  );
}

/** Drafting notices for everyone on the desk; publishing and withdrawing for supervisors. */
export function NoticesEditor() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const can = useCan();
  const notices = useNotices();
  const action = useNoticeAction();
  const [creating, setCreating] = useState(false);
  // Publishing and withdrawing: `notice_publish` (the server decides too).
  const publisher = can("notice_publish");
  const run = (id: string, what: "publish" | "withdraw") => {
    action.mutate(
      { id, action: what },
      {
        onError: (error) => void message.error(errorMessage(error, t)),
      },
    );
  };
  return (
    <Space direction="vertical" style={{ width: "100%" }}>
      <Button
        type="primary"
        onClick={() => {
          setCreating(true);
        }}
        data-testid="notice-new"
      >
        {t("notices.new")}
      </Button>
      {notices.isError && <Alert type="error" message={errorMessage(notices.error, t)} />}
      <Table<Notice>
        rowKey="id"
        loading={notices.isPending}
        dataSource={notices.data?.items ?? []}
        pagination={false}
        scroll={{ x: true }}
        columns={[
          { title: t("notices.titleLabel"), dataIndex: "title" },
          { title: t("notices.kind"), dataIndex: "kind", render: (k: NoticeKind) => t(`notices.kinds.${k}`) },
          {
            title: t("notices.status"),
            dataIndex: "status",
            render: (s: Notice["status"]) => <Tag color={STATUS_COLOR[s]}>{t(`notices.statuses.${s}`)}</Tag>,
          },
          {
            title: t("notices.buildings"),
            dataIndex: "buildings",
            render: (b: string[]) => (b.length ? b.join("、") : t("notices.wholeProject")),
          },
          {
            title: t("notices.publishedAt"),
            dataIndex: "published_at",
            render: (at: string | null) => (at ? dayjs(at).format("YYYY-MM-DD HH:mm") : "—"),
          },
          {
            title: "",
            key: "actions",
            render: (_, n) =>
              publisher && n.status !== "withdrawn" ? (
                <Button
                  size="small"
                  onClick={() => {
                    run(n.id, n.status === "draft" ? "publish" : "withdraw");
                  }}
                  data-testid={`notice-${n.status === "draft" ? "publish" : "withdraw"}`}
                >
                  {n.status === "draft" ? t("notices.publish") : t("notices.withdraw")}
                </Button>
              ) : null,
          },
        ]}
      />
      <NewNotice
        open={creating}
        onClose={() => {
          setCreating(false);
        }}
      />
    </Space>
  );
}
