import { Alert, Input } from "antd";
import { useTranslation } from "react-i18next";

/** Why a designer the rules exclude gets the lead anyway; only the design manager may force. */
export function ForceReason({
  mayForce,
  reason,
  onChange,
}: {
  mayForce: boolean;
  reason: string;
  onChange: (reason: string) => void;
}) {
  const { t } = useTranslation();
  return mayForce ? (
    <Input.TextArea
      placeholder={t("leads.dispatch.forceReason")}
      value={reason}
      onChange={(e) => {
        onChange(e.target.value);
      }}
    />
  ) : (
    <Alert type="warning" showIcon message={t("leads.dispatch.onlyManagerForces")} />
  );
}
