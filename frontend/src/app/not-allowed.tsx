import { Button, Result } from "antd";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router-dom";
import { usePageTitle } from "@/lib/page-title";

/** The one page a screen shows when the user's role may not use it (reached by its address). */
export function NotAllowed() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  usePageTitle(t("console.notAllowed.title"));
  return (
    <div data-testid="not-allowed">
      <Result
        status="403"
        title={t("console.notAllowed.title")}
        subTitle={t("console.notAllowed.subtitle")}
        extra={
          <Button type="primary" onClick={() => void navigate("/dashboard")}>
            {t("common.backHome")}
          </Button>
        }
      />
    </div>
  );
}
