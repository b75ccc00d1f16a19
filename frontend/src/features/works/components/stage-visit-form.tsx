import { Alert, Button, Form, Input, Modal, Radio, Select, Space, Switch } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { errorMessage } from "@/lib/problem";
import type { IssueKind, Satisfaction, Works } from "../api/types";
import { useWorksAction } from "../api/works-action";
import { ISSUE_KINDS, SATISFACTIONS, visitableStages } from "./visit-rules";

interface Issue {
  kind: IssueKind;
  description: string;
}

/** The visit's issues: each becomes a case linked to the works. */
function IssuesEditor({ issues, onChange }: { issues: Issue[]; onChange: (issues: Issue[]) => void }) {
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

/**
 * Records a stage visit: four-level satisfaction, inspector present, briefing clear (material
 * arrival), designer satisfaction (completion); each issue opens a case linked to the works, and
 * a dissatisfied visit escalates.
 */
export function StageVisitForm({ works, onClose }: { works: Works; onClose: () => void }) {
  const { t } = useTranslation();
  const action = useWorksAction();
  const stages = visitableStages(works);
  const [stage, setStage] = useState<string | undefined>(stages[0]);
  const [satisfaction, setSatisfaction] = useState<Satisfaction | undefined>(undefined);
  const [inspector, setInspector] = useState(true);
  const [briefing, setBriefing] = useState(true);
  const [designer, setDesigner] = useState<Satisfaction | undefined>(undefined);
  const [note, setNote] = useState("");
  const [issues, setIssues] = useState<Issue[]>([]);
  const ready =
    stage !== undefined && satisfaction !== undefined && issues.every((i) => i.description.trim());

  const submit = () => {
    if (!stage || !satisfaction) return;
    action.mutate(
      {
        works,
        action: {
          kind: "visit",
          visit: {
            stage,
            satisfaction,
            inspector_present: inspector,
            briefing_clear: stage === "material_arrival" ? briefing : null,
            designer_satisfaction: stage === "completion" ? (designer ?? null) : null,
            note: note.trim() || null,
            issues: issues.map((i) => ({ kind: i.kind, description: i.description.trim() })),
          },
        },
      },
      { onSuccess: onClose },
    );
  };

  return (
    <Modal
      open
      width={640}
      title={t("works.visit.title")}
      okText={t("works.visit.submit")}
      okButtonProps={{ disabled: !ready, loading: action.isPending }}
      onOk={submit}
      onCancel={onClose}
    >
      <Form layout="vertical">
        <Form.Item label={t("works.visit.stage")} required>
          <Select
            value={stage}
            onChange={setStage}
            options={stages.map((s) => ({ value: s, label: t(`works.stage.${s}`, { defaultValue: s }) }))}
          />
        </Form.Item>
        <Form.Item label={t("works.visit.satisfaction")} required>
          <Radio.Group
            value={satisfaction}
            onChange={(e) => {
              setSatisfaction(e.target.value as Satisfaction);
            }}
          >
            {SATISFACTIONS.map((s) => (
              <Radio key={s} value={s}>
                {t(`works.satisfaction.${s}`)}
              </Radio>
            ))}
          </Radio.Group>
        </Form.Item>
        <Space size="large" wrap>
          <Form.Item label={t("works.visit.inspectorPresent")}>
            <Switch checked={inspector} onChange={setInspector} />
          </Form.Item>
          {stage === "material_arrival" && (
            <Form.Item label={t("works.visit.briefingClear")}>
              <Switch checked={briefing} onChange={setBriefing} />
            </Form.Item>
          )}
        </Space>
        {stage === "completion" && (
          <Form.Item label={t("works.visit.designerSatisfaction")}>
            <Select
              allowClear
              value={designer}
              onChange={setDesigner}
              options={SATISFACTIONS.map((s) => ({ value: s, label: t(`works.satisfaction.${s}`) }))}
            />
          </Form.Item>
        )}
        <Form.Item label={t("works.visit.note")}>
          <Input.TextArea
            rows={2}
            value={note}
            onChange={(e) => {
              setNote(e.target.value);
            }}
          />
        </Form.Item>
        <IssuesEditor issues={issues} onChange={setIssues} />
      </Form>
      {action.error && <Alert type="error" showIcon message={errorMessage(action.error, t)} />}
    </Modal>
  );
}
