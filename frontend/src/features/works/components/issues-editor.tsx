import { Button, Form, Input, Select, Space } from "antd";
import { useTranslation } from "react-i18next";
import type { IssueKind } from "../api/types";
import { ISSUE_KINDS } from "./visit-rules";

/** An issue the visit found: its kind and what it is. */
export interface Issue {
  kind: IssueKind;
  description: string;
}

/** The visit's issues: each becomes a case linked to the works. */
export function IssuesEditor({ issues, onChange }: { issues: Issue[]; onChange: (issues: Issue[]) => void }) {
  const { t } = useTranslation();
  const setIssues = onChange;
  return (
    <Form.Item label={t("works.visit.issues")} extra={t("works.visit.issuesHint")}>
      <Space direction="vertical" style={{ width: "100%" }}>
        {issues.map((issue, i) => (
          <Space key={i} style={{ width: "100%" }} align="start">
            <Select
              style={{ width: 140 }}
              value={issue.kind}
              onChange={(kind) => {
                setIssues(issues.map((x, j) => (j === i ? { ...x, kind } : x)));
              }}
              options={ISSUE_KINDS.map((k) => ({ value: k, label: t(`works.issue.${k}`) }))}
            />
            <Input
              style={{ width: 340 }}
              value={issue.description}
              placeholder={t("works.visit.issueDescription")}
              onChange={(e) => {
                setIssues(issues.map((x, j) => (j === i ? { ...x, description: e.target.value } : x)));
              }}
            />
            <Button
              onClick={() => {
                setIssues(issues.filter((_, j) => j !== i));
              }}
            >
              {t("works.visit.removeIssue")}
            </Button>
          </Space>
        ))}
        <Button
          onClick={() => {
            setIssues([...issues, { kind: "engineering", description: "" }]);
          }}
        >
          {t("works.visit.addIssue")}
        </Button>
      </Space>
    </Form.Item>
  );
}
