import { Typography } from "antd";
import { useTranslation } from "react-i18next";
import { Administration } from "@/features/admin/components/admin";
import { usePageTitle } from "@/lib/page-title";

export default function AdminRoute() {
  const { t } = useTranslation();
  usePageTitle(t("nav.admin"));
  return (
    <>
      <Typography.Title level={3}>{t("pages.admin.title")}</Typography.Title>
      <Administration />
    </>
  );
}
