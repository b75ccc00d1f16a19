import { Alert, Form, type FormInstance, Input, Modal, Select } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { components } from "@/api/schema";
import { ApiError, applyFieldErrors, errorDetail, errorMessage } from "@/lib/problem";
import { useUpdateCustomer } from "../api/update-customer";
import { HouseholdFields, PhonesField, PropertiesField } from "./customer-form-fields";
import { type CustomerValues, initialValues, toUpdate } from "./customer-values";

type Customer = components["schemas"]["CustomerDetail"];

/** Saves the form with the version the page read; a 412 and field errors become the alert. */
function useSaveCustomer(customer: Customer, form: FormInstance<CustomerValues>, onClose: () => void) {
  const { t } = useTranslation();
  const [problem, setProblem] = useState<{ title: string; detail?: string } | null>(null);
  const save = useUpdateCustomer();
  const submit = (values: CustomerValues) => {
    setProblem(null);
    save.mutate(
      { id: customer.id, version: customer.version, body: toUpdate(values, customer.phones_masked) },
      {
        onSuccess: onClose,
        onError: (error) => {
          if (error instanceof ApiError && error.status === 412) {
            setProblem({ title: t("customers.staleTitle"), detail: t("customers.staleBody") });
            return;
          }
          const rest = applyFieldErrors(form, error);
          setProblem({
            title: errorMessage(error, t),
            detail: rest.map((r) => r.errors.join(" ")).join("; ") || errorDetail(error) || undefined,
          });
        },
      },
    );
  };
  return { submit, problem, pending: save.isPending };
}

/**
 * Edits a customer's archive. The save carries the version the page read (If-Match); after a
 * 412 the customer reloads, the typed values stay and the next save uses the fresh version.
 */
export function CustomerForm({ customer, onClose }: { customer: Customer; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<CustomerValues>();
  const { submit, problem, pending } = useSaveCustomer(customer, form, onClose);
  const masked = customer.phones_masked;
  return (
    <Modal
      open
      width={720}
      title={t("customers.editTitle", { name: customer.name })}
      okText={t("common.save")}
      cancelText={t("common.cancel")}
      confirmLoading={pending}
      onOk={() => {
        form.submit();
      }}
      onCancel={onClose}
      okButtonProps={{ id: "customer-save" }}
      destroyOnHidden
    >
      {problem && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          message={problem.title}
          description={problem.detail}
        />
      )}
      <Form form={form} layout="vertical" initialValues={initialValues(customer)} onFinish={submit}>
        <Form.Item
          name="name"
          label={t("common.name")}
          rules={[{ required: true, message: t("common.required") }]}
        >
          <Input maxLength={100} />
        </Form.Item>
        <PhonesField masked={masked} />
        <PropertiesField customer={customer} />
        <Form.Item name="tags" label={t("customers.tags")}>
          <Select mode="tags" tokenSeparators={[",", "，"]} open={false} />
        </Form.Item>
        <HouseholdFields masked={masked} />
        <Form.Item name="notes" label={t("customers.notes")}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
