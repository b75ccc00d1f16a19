import { Result, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { Warnings } from "@/features/deadlines/components/warnings";
import { useMe } from "@/lib/auth";
import { usePageTitle } from "@/lib/page-title";
import { canHandleWarnings } from "@/lib/permissions";

export default function WarningsRoute() {
  const { t } = useTranslation();
  const me = useMe();
  usePageTitle(t("nav.warnings"));
  if (!me.data) return null;
  if (!canHandleWarnings(me.data.role)) return <Result status="403" title={t("errors.forbidden")} />;
  return (
    <>
      <Typography.Title level={3}>{t("pages.warnings.title")}</Typography.Title>
      <Warnings />
    </>
  );
}
