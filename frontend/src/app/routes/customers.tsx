import { Typography } from "antd";
import { useTranslation } from "react-i18next";
import { Customers } from "@/features/customers/components/customers";
import { usePageTitle } from "@/lib/page-title";

export default function CustomersRoute() {
  const { t } = useTranslation();
  usePageTitle(t("nav.customers"));
  return (
    <>
      <Typography.Title level={3}>{t("pages.customers.title")}</Typography.Title>
      <Customers />
    </>
  );
}
