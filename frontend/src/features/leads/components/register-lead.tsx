import { Alert, Form, Input, Modal, Select } from "antd";
import { useTranslation } from "react-i18next";
import { errorMessage } from "@/lib/problem";
import { type CreateLead, useCreateLead } from "../api/create-lead";

const SOURCES = ["walk_in", "phone", "online", "referral", "exhibition", "estate_list", "other"] as const;

interface FormValues {
  source: (typeof SOURCES)[number];
  name: string;
  phone: string;
  address: string;
  budget: string;
  brought_by?: string;
}

/** Registers a lead (customer manager). Marketing leads need a transfer slip: use the API for those. */
export function RegisterLead({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<FormValues>();
  const create = useCreateLead();
  const submit = (v: FormValues) => {
    const body: CreateLead = {
      source: v.source,
      customer: { name: v.name, phone: v.phone },
      address: v.address,
      budget: v.budget,
      brought_by: v.brought_by || undefined,
      intent: "intent",
    };
    create.mutate(body, { onSuccess: onClose });
  };
  return (
    <Modal
      open
      title={t("leads.register.title")}
      onCancel={onClose}
      onOk={() => {
        form.submit();
      }}
      confirmLoading={create.isPending}
    >
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ source: "walk_in" }}>
        <Form.Item name="source" label={t("leads.field.source")} rules={[{ required: true }]}>
          <Select options={SOURCES.map((s) => ({ value: s, label: t(`leads.source.${s}`) }))} />
        </Form.Item>
        <Form.Item name="name" label={t("leads.field.name")} rules={[{ required: true }]}>
          <Input data-testid="lead-name" />
        </Form.Item>
        <Form.Item name="phone" label={t("leads.field.phone")} rules={[{ required: true }]}>
          <Input data-testid="lead-phone" />
        </Form.Item>
        <Form.Item name="address" label={t("leads.field.address")} rules={[{ required: true }]}>
          <Input data-testid="lead-address" />
        </Form.Item>
        <Form.Item name="budget" label={t("leads.field.budget")} rules={[{ required: true }]}>
          <Input data-testid="lead-budget" placeholder="45000.00" />
        </Form.Item>
        <Form.Item name="brought_by" label={t("leads.field.broughtBy")}>
          <Input />
        </Form.Item>
      </Form>
      {create.error && <Alert type="error" showIcon message={errorMessage(create.error, t)} />}
    </Modal>
  );
}
