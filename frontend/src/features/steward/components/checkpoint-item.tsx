import { Button, Input, List, Space, Switch, Typography, Upload } from "antd";
import { useTranslation } from "react-i18next";
import type { Check } from "./use-patrol-submit";

/** One checkpoint of a patrol: OK or not; when not, a note and a photo. */
export function CheckpointItem({
  name,
  check,
  onChange,
}: {
  name: string;
  check: Check;
  onChange: (patch: Partial<Check>) => void;
}) {
  const { t } = useTranslation();
  return (
    <List.Item data-testid="patrol-checkpoint">
      <Space direction="vertical" style={{ width: "100%" }}>
        <Space style={{ width: "100%", justifyContent: "space-between" }}>
          <Typography.Text strong>{name}</Typography.Text>
          <Switch
            checked={check.ok}
            checkedChildren={t("steward.ok")}
            unCheckedChildren={t("steward.notOk")}
            onChange={(ok) => {
              onChange({ ok });
            }}
            data-testid="patrol-ok"
          />
        </Space>
        {!check.ok && (
          <>
            <Input.TextArea
              rows={2}
              placeholder={t("steward.problem")}
              value={check.note}
              onChange={(e) => {
                onChange({ note: e.target.value });
              }}
              data-testid="patrol-note"
            />
            <Upload
              accept="image/jpeg,image/png,image/webp"
              maxCount={1}
              beforeUpload={(file) => {
                onChange({ photo: file });
                return false;
              }}
              onRemove={() => {
                onChange({ photo: undefined });
              }}
            >
              <Button size="small">{t("steward.photo")}</Button>
            </Upload>
          </>
        )}
      </Space>
    </List.Item>
  );
}
