import { Alert, App, Button, Card, Flex, Input, List, Typography, Upload } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError, errorMessage } from "@/lib/problem";
import { useImportArrears } from "../api/import-arrears";

const EXAMPLE = "building,unit,room,fee_item,months,amount,as_of,receivable,received\n";

/** Imports the billing system's arrears (CSV); every bad line is listed and nothing is imported. */
export function ImportPanel({ projectId }: { projectId?: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [csv, setCsv] = useState(EXAMPLE);
  const [lineErrors, setLineErrors] = useState<{ line: string; errors: string[] }[]>([]);
  const importer = useImportArrears();
  const run = () => {
    if (!projectId) return;
    setLineErrors([]);
    importer.mutate(
      { projectId, csv },
      {
        onSuccess: (r) => {
          void message.success(t("arrears.import.done", r));
        },
        onError: (error) => {
          if (error instanceof ApiError && error.problem?.errors) {
            setLineErrors(Object.entries(error.problem.errors).map(([line, errors]) => ({ line, errors })));
          } else void message.error(errorMessage(error, t));
        },
      },
    );
  };
  return (
    <Card size="small" title={t("arrears.import.title")}>
      <Typography.Paragraph type="secondary">{t("arrears.import.help")}</Typography.Paragraph>
      <Input.TextArea
        rows={4}
        aria-label={t("arrears.import.title")}
        value={csv}
        onChange={(e) => {
          setCsv(e.target.value);
        }}
        style={{ fontFamily: "monospace" }}
      />
      <Flex gap="small" wrap style={{ marginTop: 8 }}>
        <Upload
          accept=".csv,text/csv"
          showUploadList={false}
          beforeUpload={(file) => {
            void file.text().then(setCsv);
            return false;
          }}
        >
          <Button>CSV…</Button>
        </Upload>
        <Button type="primary" disabled={!projectId} loading={importer.isPending} onClick={run}>
          {t("arrears.import.run")}
        </Button>
      </Flex>
      {lineErrors.length > 0 && (
        <Alert
          style={{ marginTop: 12 }}
          type="error"
          message={t("arrears.import.errors")}
          description={
            <List
              size="small"
              dataSource={lineErrors}
              renderItem={(e) => (
                <List.Item>
                  <Typography.Text strong>{e.line}</Typography.Text>: {e.errors.join("; ")}
                </List.Item>
              )}
            />
          }
        />
      )}
    </Card>
  );
}
