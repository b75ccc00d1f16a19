import { Alert, Button, Card, Form, Input, Radio, Select, Space } from "antd";
import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router-dom";
import { errorMessage } from "@/lib/problem";
import { type ReportCase, useReportCase } from "../api/report-case";
import { useResidentCategories } from "../api/resident-categories";
import { useResidentProperties } from "../api/resident-properties";

const KINDS = ["repair", "complaint", "inquiry", "suggestion", "praise"] as const;

interface ReportValues {
  kind: ReportCase["kind"];
  category_id?: string;
  property_id: string;
  title: string;
  description?: string;
}

/** Reporting a problem: kind, category, which property, what, and an optional photo. */
export function ResidentReportForm() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const categories = useResidentCategories();
  const properties = useResidentProperties();
  const report = useReportCase();
  const [photo, setPhoto] = useState<File | null>(null);
  const key = useRef<string>(crypto.randomUUID());
  const en = i18n.resolvedLanguage === "en";
  return (
    <Space direction="vertical" style={{ width: "100%" }}>
      <Link to="/resident">{t("residentApp.back")}</Link>
      <Card title={t("residentApp.report")}>
        <Form<ReportValues>
          layout="vertical"
          initialValues={{ kind: "repair" }}
          onFinish={(values) => {
            report.mutate(
              {
                key: key.current,
                photo,
                body: {
                  kind: values.kind,
                  category_id: values.category_id ?? null,
                  property_id: values.property_id,
                  title: values.title,
                  description: values.description ?? "",
                },
              },
              {
                onSuccess: (created) => {
                  key.current = crypto.randomUUID();
                  void navigate(`/resident/cases/${created.id}`);
                },
              },
            );
          }}
        >
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
                setPhoto(e.target.files?.[0] ?? null);
              }}
            />
          </Form.Item>
          {report.isError && (
            <Alert type="error" message={errorMessage(report.error, t)} style={{ marginBottom: 12 }} />
          )}
          <Button
            type="primary"
            htmlType="submit"
            block
            loading={report.isPending}
            data-testid="resident-submit"
          >
            {t("residentApp.submit")}
          </Button>
        </Form>
      </Card>
    </Space>
  );
}
