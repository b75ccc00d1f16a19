import { Typography } from "antd";
import { useTranslation } from "react-i18next";
import { AuditLog } from "@/features/audit/components/audit-log";
import { usePageTitle } from "@/lib/page-title";

export default function AuditRoute() {
  const { t } = useTranslation();
  usePageTitle(t("nav.audit"));
  return (
    <>
      <Typography.Title level={3}>{t("nav.audit")}</Typography.Title>
      <AuditLog />
    </>
  );
}
