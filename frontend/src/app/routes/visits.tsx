import { useTranslation } from "react-i18next";
import { PagePlaceholder } from "@/components/page-placeholder";

export default function VisitsRoute() {
  const { t } = useTranslation();
  return <PagePlaceholder title={t("pages.visits.title")} description={t("pages.visits.empty")} />;
}
