import { App, Form, Modal, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { components } from "@/api/schema";
import { useVersionedForm } from "@/lib/use-versioned-form";
import { useCreateRoutingRule } from "../api/create-routing-rule";
import { useUpdateRoutingRule } from "../api/update-routing-rule";
import { RoutingRuleFields } from "./routing-rule-fields";
import { initialRuleValues, type RuleValues, toRuleInput } from "./routing-rule-values";

type Rule = components["schemas"]["RoutingRuleView"];

/** Creates a routing rule, or edits `rule` (sent with its version). */
export function RoutingRuleModal({ rule, onClose }: { rule: Rule | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<RuleValues>();
  const create = useCreateRoutingRule();
  const update = useUpdateRoutingRule();
  const { save, problem, saving } = useVersionedForm({
    form,
    row: rule,
    create,
    update,
    conflict: t("routing.exists"),
    onSaved: () => {
      void message.success(t("deadlines.saved"));
      onClose();
    },
  });

  const submit = (values: RuleValues) => {
    const body = toRuleInput(values);
    save({ create: body, update: body });
  };

  return (
    <Modal
      open
      title={rule ? t("routing.edit") : t("routing.new")}
      okText={t("common.save")}
      cancelText={t("common.cancel")}
      confirmLoading={saving}
      okButtonProps={{ id: "routing-submit" }}
      onOk={() => {
        form.submit();
      }}
      onCancel={onClose}
      destroyOnHidden
    >
      {problem && (
        <Typography.Paragraph type="danger" data-testid="routing-problem">
          {problem}
        </Typography.Paragraph>
      )}
      <Form<RuleValues>
        form={form}
        layout="horizontal"
        labelCol={{ span: 7 }}
        onFinish={submit}
        initialValues={initialRuleValues(rule)}
      >
        <RoutingRuleFields categoryId={rule?.category_id} />
      </Form>
    </Modal>
  );
}
