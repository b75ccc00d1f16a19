import { Form, Input, Radio, Select } from "antd";
import { useTranslation } from "react-i18next";
import type { ReportCase } from "../api/report-case";
import { useResidentCategories } from "../api/resident-categories";
import { useResidentProperties } from "../api/resident-properties";

const KINDS = ["repair", "complaint", "inquiry", "suggestion", "praise"] as const;

export interface ReportValues {
  kind: ReportCase["kind"];
  category_id?: string;
  property_id: string;
  title: string;
  description?: string;
}

/** The report's kind, category (in the page's language) and property: what it is about. */
export function ReportSubjectFields() {
  const { t, i18n } = useTranslation();
  const categories = useResidentCategories();
  const properties = useResidentProperties();
  const en = i18n.resolvedLanguage === "en";
  return (
    <>
      <Form.Item name="kind" label={t("residentApp.kind")}>
        <Radio.Group
          optionType="button"
          options={KINDS.map((k) => ({ value: k, label: t(`case.kind.${k}`) }))}
        />
      </Form.Item>
      <Form.Item name="category_id" label={t("residentApp.category")}>
        <Select
          id="resident-category"
          allowClear
          loading={categories.isPending}
          options={(categories.data?.items ?? []).map((c) => ({
            value: c.id,
            label: en ? c.name_en : c.name,
          }))}
        />
      </Form.Item>
      <Form.Item name="property_id" label={t("residentApp.property")} rules={[{ required: true }]}>
        <Select
          id="resident-property"
          loading={properties.isPending}
          options={(properties.data?.items ?? []).map((p) => ({
            value: p.id,
            label: `${p.project_name ?? ""} ${p.label}`.trim(),
          }))}
        />
      </Form.Item>
    </>
  );
}

/** The report's title, description and optional photo (kept outside the form's values). */
export function ReportTextFields({ onPhoto }: { onPhoto: (photo: File | null) => void }) {
  const { t } = useTranslation();
  return (
    <>
      <Form.Item name="title" label={t("residentApp.caseTitle")} rules={[{ required: true, max: 200 }]}>
        <Input />
      </Form.Item>
      <Form.Item name="description" label={t("residentApp.description")}>
        <Input.TextArea rows={3} />
      </Form.Item>
      <Form.Item label={t("residentApp.photo")}>
        <input
          type="file"
          accept="image/*"
          data-testid="resident-photo"
          onChange={(e) => {
            onPhoto(e.target.files?.[0] ?? null);
          }}
        />
      </Form.Item>
    </>
  );
}
