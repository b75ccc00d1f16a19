import { useTranslation } from "react-i18next";
import { PagePlaceholder } from "@/components/page-placeholder";

export default function QueuesRoute() {
  const { t } = useTranslation();
  return <PagePlaceholder title={t("pages.queues.title")} description={t("pages.queues.empty")} />;
}
