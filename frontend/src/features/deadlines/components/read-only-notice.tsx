import { Alert } from "antd";
import { useTranslation } from "react-i18next";

/** Shown above company-wide configuration the user may read but not change. */
export function ReadOnlyNotice() {
  const { t } = useTranslation();
  return (
    <Alert
      type="info"
      showIcon
      message={t("deadlines.readOnly")}
      style={{ marginBottom: 12 }}
      data-testid="config-read-only"
    />
  );
}
