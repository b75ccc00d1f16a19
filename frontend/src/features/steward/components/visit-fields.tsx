import { Button, Checkbox, Form, Input, Radio, Select, Switch, Upload } from "antd";
import { useTranslation } from "react-i18next";
import type { StewardVisitPurpose } from "../api/record-visit";
import type { WorkItem } from "../api/types";
import type { VisitValues } from "./visit-values";

const PURPOSES: StewardVisitPurpose[] = ["routine", "key_customer", "follow_up", "move_in", "other"];

/** What the visit was: purpose, the customer met, whether they were reached, opinions, a photo. */
export function VisitFields({
  home,
  onPhoto,
}: {
  home: WorkItem | null;
  onPhoto: (photo: File | null) => void;
}) {
  const { t } = useTranslation();
  return (
    <>
      <Form.Item name="purpose" label={t("steward.purpose")} rules={[{ required: true }]}>
        <Radio.Group optionType="button" size="small">
          {PURPOSES.map((p) => (
            <Radio.Button key={p} value={p}>
              {t(`steward.purposes.${p}`)}
            </Radio.Button>
          ))}
        </Radio.Group>
      </Form.Item>
      {home && home.customers.length > 0 && (
        <Form.Item name="customer_id" label={t("steward.customer")}>
          <Select allowClear options={home.customers.map((c) => ({ value: c.id, label: c.name }))} />
        </Form.Item>
      )}
      <Form.Item name="reached" label={t("steward.reached")} valuePropName="checked">
        <Switch data-testid="visit-reached" />
      </Form.Item>
      <Form.Item name="opinions" label={t("steward.opinions")}>
        <Input.TextArea rows={3} maxLength={4000} data-testid="visit-opinions" />
      </Form.Item>
      <Form.Item>
        <Upload
          accept="image/jpeg,image/png,image/webp"
          maxCount={1}
          beforeUpload={(file) => {
            onPhoto(file);
            return false;
          }}
          onRemove={() => {
            onPhoto(null);
          }}
        >
          <Button data-testid="visit-photo">{t("steward.photo")}</Button>
        </Upload>
      </Form.Item>
    </>
  );
}

/** Whether an opinion becomes a linked case, and if so its kind and title. */
export function OpinionCaseFields() {
  const { t } = useTranslation();
  const form = Form.useFormInstance<VisitValues>();
  const raise = Form.useWatch("raise", form);
  return (
    <>
      <Form.Item name="raise" valuePropName="checked">
        <Checkbox data-testid="visit-raise">{t("steward.raiseCase")}</Checkbox>
      </Form.Item>
      {raise && (
        <>
          <Form.Item name="case_kind" label={t("steward.caseKind")}>
            <Radio.Group optionType="button" size="small">
              {(["complaint", "repair", "suggestion"] as const).map((k) => (
                <Radio.Button key={k} value={k}>
                  {t(`case.kind.${k}`)}
                </Radio.Button>
              ))}
            </Radio.Group>
          </Form.Item>
          <Form.Item
            name="case_title"
            label={t("steward.caseTitle")}
            rules={[{ required: true, whitespace: true, message: t("steward.caseTitleRequired") }]}
          >
            <Input maxLength={200} data-testid="visit-case-title" />
          </Form.Item>
        </>
      )}
    </>
  );
}
