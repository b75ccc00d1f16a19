import { Form, Input, Radio, Select, Space, Switch } from "antd";
import { useTranslation } from "react-i18next";
import type { Satisfaction } from "../api/types";
import type { StageVisitDraft } from "./stage-visit-draft";
import { SATISFACTIONS } from "./visit-rules";

/**
 * The visit's stage, satisfaction, inspector present, briefing clear (material arrival),
 * designer satisfaction (completion) and note.
 */
export function StageVisitFields({
  stages,
  draft,
  onChange,
}: {
  stages: string[];
  draft: StageVisitDraft;
  onChange: (patch: Partial<StageVisitDraft>) => void;
}) {
  const { t } = useTranslation();
  const { stage } = draft;
  return (
    <>
      <Form.Item label={t("works.visit.stage")} required>
        <Select
          value={stage}
          onChange={(value) => {
            onChange({ stage: value });
          }}
          options={stages.map((s) => ({ value: s, label: t(`works.stage.${s}`, { defaultValue: s }) }))}
        />
      </Form.Item>
      <Form.Item label={t("works.visit.satisfaction")} required>
        <Radio.Group
          value={draft.satisfaction}
          onChange={(e) => {
            onChange({ satisfaction: e.target.value as Satisfaction });
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
          <Switch
            checked={draft.inspector}
            onChange={(inspector) => {
              onChange({ inspector });
            }}
          />
        </Form.Item>
        {stage === "material_arrival" && (
          <Form.Item label={t("works.visit.briefingClear")}>
            <Switch
              checked={draft.briefing}
              onChange={(briefing) => {
                onChange({ briefing });
              }}
            />
          </Form.Item>
        )}
      </Space>
      {stage === "completion" && (
        <Form.Item label={t("works.visit.designerSatisfaction")}>
          <Select
            allowClear
            value={draft.designer}
            onChange={(designer: Satisfaction | undefined) => {
              onChange({ designer });
            }}
            options={SATISFACTIONS.map((s) => ({ value: s, label: t(`works.satisfaction.${s}`) }))}
          />
        </Form.Item>
      )}
      <Form.Item label={t("works.visit.note")}>
        <Input.TextArea
          rows={2}
          value={draft.note}
          onChange={(e) => {
            onChange({ note: e.target.value });
          }}
        />
      </Form.Item>
    </>
  );
}
