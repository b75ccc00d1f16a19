import { Form, Input, Modal, Select, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { errorMessage } from "@/lib/problem";
import type { ReplyTemplate, TemplateUse } from "../api/types";
import { useSaveTemplate } from "../api/save-template";

const USES: readonly TemplateUse[] = ["reply", "visit", "comment"];

/** Creates a standard reply, or edits `template`: name, body (with placeholders) and where it is offered. */
export function TemplateForm({ template, onClose }: { template?: ReplyTemplate; onClose: () => void }) {
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
