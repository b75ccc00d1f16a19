import { Button, Result } from "antd";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router-dom";
import { usePageTitle } from "@/lib/page-title";

export default function NotFoundRoute() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  usePageTitle(t("notFound.title"));
  return (
    <Result
      status="404"
      title={t("notFound.title")}
      subTitle={t("notFound.subtitle")}
      extra={
        <Button type="primary" onClick={() => void navigate("/dashboard")}>
          {t("common.backHome")}
        </Button>
      }
    />
  );
}
