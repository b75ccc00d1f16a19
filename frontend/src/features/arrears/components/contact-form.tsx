import { App, DatePicker, Form, Input, Modal, Select } from "antd";
import type { Dayjs } from "dayjs";
import { useTranslation } from "react-i18next";
import type { components } from "@/api/schema";
import { applyFieldErrors, errorMessage } from "@/lib/problem";
import { type CreateContact, useAddContact } from "../api/add-contact";
import type { Arrears } from "../api/arrears";

type Method = components["schemas"]["ContactMethod"];
type Result = components["schemas"]["ContactResult"];
type Reason = components["schemas"]["ContactReason"];

const METHODS: Method[] = ["phone", "visit", "notice", "sms", "letter"];
const RESULTS: Result[] = ["promised", "paid", "refused", "unreachable", "disputed", "other"];
const REASONS: Reason[] = ["service_dispute", "vacant", "hardship", "refuses", "unreachable", "other"];

interface Values {
  method: Method;
  result: Result;
  reason?: Reason;
  note?: string;
  promised_on?: Dayjs;
}

/** Records a contact (催费记录). A dispute over the service opens a complaint for the property. */
export function ContactForm({ arrears, onClose }: { arrears: Arrears; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const add = useAddContact();
  const result = Form.useWatch("result", form);
  const submit = (values: Values) => {
    const body: CreateContact = {
      method: values.method,
      result: values.result,
      reason: values.reason ?? null,
      note: values.note?.trim() ? values.note : null,
      promised_on:
        values.result === "promised" && values.promised_on ? values.promised_on.format("YYYY-MM-DD") : null,
    };
    add.mutate(
      { id: arrears.id, body },
      {
        onSuccess: (created) => {
          const opened = created.arrears.open_case;
          void message.success(
            opened
              ? t("arrears.contact.complaintLinked", { number: opened.number })
              : t("arrears.contact.saved"),
          );
          onClose();
        },
        onError: (error) => {
          if (applyFieldErrors(form, error).length > 0) void message.error(errorMessage(error, t));
        },
      },
    );
  };
  const p = arrears.property;
  return (
    <Modal
      open
      title={`${t("arrears.contact.title")} · ${p.building}-${p.unit}-${p.room} ${arrears.fee_item}`}
      okText={t("common.submit")}
      cancelText={t("common.cancel")}
      confirmLoading={add.isPending}
      onCancel={onClose}
      onOk={() => {
        form.submit();
      }}
    >
      <Form<Values> form={form} layout="vertical" initialValues={{ method: "phone" }} onFinish={submit}>
        <Form.Item name="method" label={t("arrears.contact.method")} rules={[{ required: true }]}>
          <Select options={METHODS.map((m) => ({ value: m, label: t(`arrears.method.${m}`) }))} />
        </Form.Item>
        <Form.Item name="result" label={t("arrears.contact.result")} rules={[{ required: true }]}>
          <Select options={RESULTS.map((r) => ({ value: r, label: t(`arrears.result.${r}`) }))} />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t("arrears.contact.reason")}
          rules={[{ required: result === "disputed", message: t("arrears.contact.reasonRequired") }]}
          extra={result === "disputed" ? t("arrears.contact.disputeHint") : undefined}
        >
          <Select allowClear options={REASONS.map((r) => ({ value: r, label: t(`arrears.reason.${r}`) }))} />
        </Form.Item>
        {result === "promised" && (
          <Form.Item name="promised_on" label={t("arrears.contact.promisedOn")}>
            <DatePicker />
          </Form.Item>
        )}
        <Form.Item name="note" label={t("arrears.contact.note")}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
