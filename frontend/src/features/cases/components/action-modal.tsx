import { Alert, Form, Modal } from "antd";
import { useTranslation } from "react-i18next";
import type { CaseAction, CaseDetail } from "@/lib/types";
import { ActionFields } from "./action-fields";
import { type ArticleSlot, TEMPLATE_FIELDS, type TemplateSlot, type TemplateUse } from "./action-slots";
import type { ActionValues } from "./action-values";
import { useActionSubmit } from "./use-action-submit";
import { useProposedDepartment } from "./use-proposed-department";

/** The standard-reply picker of an action that has one, inserting into the action's text field. */
function TemplateInsert({ action, templates }: { action: CaseAction; templates?: TemplateSlot }) {
  const form = Form.useFormInstance<ActionValues>();
  if (!templates || !(action in TEMPLATE_FIELDS)) return null;
  return (
    <Form.Item>
      {templates(action as TemplateUse, (text) => {
        const field = TEMPLATE_FIELDS[action as TemplateUse];
        const before = (form.getFieldValue(field) as string | undefined) ?? "";
        form.setFieldValue(field, before ? `${before}\n${text}` : text);
      })}
    </Form.Item>
  );
}

/**
 * The form for one action. The version sent in If-Match is the case's current one at submit
 * time: after a 412 the case reloads, the form keeps its values and the next submit uses the
 * fresh version.
 */
export function ActionModal({
  action,
  current,
  onClose,
  onDone,
  templates,
  articles,
}: {
  action: CaseAction;
  current: CaseDetail;
  onClose: () => void;
  onDone: () => void;
  templates?: TemplateSlot;
  articles?: ArticleSlot;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<ActionValues>();
  useProposedDepartment(action, current, form);
  const { submit, problem, pending } = useActionSubmit(action, current, form, onDone);

  return (
    <Modal
      open
      title={`${t(`case.action.${action}`)} · ${current.number}`}
      okText={t("common.submit")}
      cancelText={t("common.cancel")}
      confirmLoading={pending}
      onOk={() => {
        form.submit();
      }}
      onCancel={onClose}
      okButtonProps={{ id: "action-submit" }}
      destroyOnHidden
    >
      {problem && (
        <Alert
          type="warning"
          showIcon
          message={problem.title}
          description={problem.detail}
          style={{ marginBottom: 16 }}
          data-testid="action-problem"
        />
      )}
      <Form<ActionValues>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{
          reached: true,
          visibility: "internal",
          method: "phone",
          department_id: current.department_id ?? undefined,
        }}
      >
        <TemplateInsert action={action} templates={templates} />
        <ActionFields action={action} current={current} articles={articles} />
      </Form>
    </Modal>
  );
}
