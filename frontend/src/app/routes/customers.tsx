import { useTranslation } from "react-i18next";
import { PagePlaceholder } from "@/components/page-placeholder";

export default function CustomersRoute() {
  const { t } = useTranslation();
  return <PagePlaceholder title={t("pages.customers.title")} description={t("pages.customers.empty")} />;
}
