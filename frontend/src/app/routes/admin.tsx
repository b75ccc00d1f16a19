import { useTranslation } from "react-i18next";
import { PagePlaceholder } from "@/components/page-placeholder";

export default function AdminRoute() {
  const { t } = useTranslation();
  return <PagePlaceholder title={t("pages.admin.title")} description={t("pages.admin.empty")} />;
}
