import { useTranslation } from "react-i18next";
import { PagePlaceholder } from "@/components/page-placeholder";

export default function StatisticsRoute() {
  const { t } = useTranslation();
  return <PagePlaceholder title={t("pages.statistics.title")} description={t("pages.statistics.empty")} />;
}
