import { Typography } from "antd";
import { useTranslation } from "react-i18next";
import { IntakeForm } from "@/features/cases/components/intake-form";
import { usePageTitle } from "@/lib/page-title";

export default function IntakeRoute() {
  const { t } = useTranslation();
  usePageTitle(t("nav.intake"));
  return (
    <>
      <Typography.Title level={3}>{t("pages.intake.title")}</Typography.Title>
      <IntakeForm />
    </>
  );
}
