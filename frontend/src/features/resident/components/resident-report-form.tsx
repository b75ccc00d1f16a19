import { Alert, Button, Card, Form, Space } from "antd";
import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router-dom";
import { errorMessage } from "@/lib/problem";
import { useReportCase } from "../api/report-case";
import { ReportSubjectFields, ReportTextFields, type ReportValues } from "./resident-report-fields";

/**
 * Sends a report with its photo under one Idempotency-Key per report (a retry after a lost answer
 * is the same report), then opens the case it made.
 */
function useSubmitReport(photo: File | null) {
  const navigate = useNavigate();
  const report = useReportCase();
  const key = useRef<string>(crypto.randomUUID());
  const submit = (values: ReportValues) => {
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
  };
  return { submit, report };
}

/** Reporting a problem: kind, category, which property, what, and an optional photo. */
export function ResidentReportForm() {
  const { t } = useTranslation();
  const [photo, setPhoto] = useState<File | null>(null);
  const { submit, report } = useSubmitReport(photo);
  return (
    <Space direction="vertical" style={{ width: "100%" }}>
      <Link to="/resident">{t("residentApp.back")}</Link>
      <Card title={t("residentApp.report")}>
        <Form<ReportValues> layout="vertical" initialValues={{ kind: "repair" }} onFinish={submit}>
          <ReportSubjectFields />
          <ReportTextFields onPhoto={setPhoto} />
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
