import { Form, Input, Select } from "antd";
import { useTranslation } from "react-i18next";
import type { components } from "@/api/schema";
import { useRequired } from "../utils/form";

const SCOPES: readonly components["schemas"]["ApiScope"][] = [
  "stats:read",
  "cases:read",
  "webhooks:manage",
  "pii:read",
];

/** A new API key's name and scopes. */
export function ApiKeyFields() {
  const { t } = useTranslation();
  const required = useRequired();
  return (
    <>
      <Form.Item name="name" label={t("common.name")} rules={required}>
        <Input />
      </Form.Item>
      <Form.Item name="scopes" label={t("admin.scopes")} rules={required}>
        <Select mode="multiple" options={SCOPES.map((s) => ({ value: s, label: s }))} />
      </Form.Item>
    </>
  );
}
