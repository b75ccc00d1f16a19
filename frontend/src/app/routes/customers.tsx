import { Typography } from "antd";
import { useTranslation } from "react-i18next";
import { Customers } from "@/features/customers/components/customers";
import { usePageTitle } from "@/lib/page-title";
import { useCan } from "@/lib/permissions";

export default function CustomersRoute() {
  const { t } = useTranslation();
  const can = useCan();
  usePageTitle(t("nav.customers"));
  return (
    <>
      <Typography.Title level={3}>{t("pages.customers.title")}</Typography.Title>
      <Customers manage={can("customer_manage")} />
    </>
  );
}
