import { useTranslation } from "react-i18next";
import { PagePlaceholder } from "@/components/page-placeholder";

export default function IntakeRoute() {
  const { t } = useTranslation();
  return <PagePlaceholder title={t("pages.intake.title")} description={t("pages.intake.empty")} />;
}
