import { Result, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { Administration } from "@/features/admin/components/admin";
import { useMe } from "@/lib/auth";
import { usePageTitle } from "@/lib/page-title";
import { isAdminRole } from "@/lib/permissions";

export default function AdminRoute() {
  const { t } = useTranslation();
  const me = useMe();
  usePageTitle(t("nav.admin"));
  if (!me.data) return null;
  if (!isAdminRole(me.data.role)) return <Result status="403" title={t("errors.forbidden")} />;
  return (
    <>
      <Typography.Title level={3}>{t("pages.admin.title")}</Typography.Title>
      <Administration />
    </>
  );
}
