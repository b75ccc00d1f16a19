import { Form, Input, InputNumber, Radio, Select, Switch } from "antd";
import { useTranslation } from "react-i18next";
import type { CaseDetail } from "@/lib/types";
import { SATISFACTIONS } from "@/lib/types";
import type { ArticleSlot } from "./action-slots";

/** Resolve: the result and what it cost. */
export function ResolveFields() {
  const { t } = useTranslation();
  const required = [{ required: true, message: t("common.required") }];
  return (
    <>
      <Form.Item name="result" label={t("case.field.result")} rules={required}>
        <Input.TextArea rows={3} data-testid="field-result" />
      </Form.Item>
      <Form.Item name="charge_amount" label={t("case.field.charge")}>
        <InputNumber min={0} step={1} style={{ width: "100%" }} />
      </Form.Item>
    </>
  );
}

const REPLY_METHODS = ["phone", "sms", "in_person", "letter", "wechat", "email", "app", "other"] as const;

/** Reply: what the customer was told, and how. */
export function ReplyFields() {
  const { t } = useTranslation();
  const required = [{ required: true, message: t("common.required") }];
  return (
    <>
      <Form.Item name="content" label={t("case.field.content")} rules={required}>
        <Input.TextArea rows={3} data-testid="field-content" />
      </Form.Item>
      <Form.Item name="method" label={t("case.field.method")} rules={required}>
        <Select
          options={REPLY_METHODS.map((m) => ({
            value: m,
            label: t(`case.replyMethod.${m}`),
          }))}
        />
      </Form.Item>
    </>
  );
}

/** Return visit: whether the customer was reached, their satisfaction (when reached) and a comment. */
export function VisitFields() {
  const { t } = useTranslation();
  const required = [{ required: true, message: t("common.required") }];
  const reached = Form.useWatch<boolean | undefined>("reached");
  return (
    <>
      <Form.Item name="reached" label={t("case.field.reached")} valuePropName="checked">
        <Switch />
      </Form.Item>
      {reached !== false && (
        <Form.Item name="satisfaction" label={t("case.field.satisfaction")} rules={required}>
          <Radio.Group
            optionType="button"
            options={SATISFACTIONS.map((s) => ({ value: s, label: t(`case.satisfaction.${s}`) }))}
          />
        </Form.Item>
      )}
      <Form.Item name="comment" label={t("case.field.comment")}>
        <Input.TextArea rows={2} />
      </Form.Item>
    </>
  );
}

/** Close on the spot: the answer given, and the knowledge article it came from. */
export function CloseOnSpotFields({ current, articles }: { current: CaseDetail; articles?: ArticleSlot }) {
  const { t } = useTranslation();
  const required = [{ required: true, message: t("common.required") }];
  return (
    <>
      {articles && (
        <Form.Item name="article_id" label={t("case.field.article")}>
          {articles(current.title)}
        </Form.Item>
      )}
      <Form.Item name="answer" label={t("case.field.answer")} rules={required}>
        <Input.TextArea rows={3} />
      </Form.Item>
    </>
  );
}
