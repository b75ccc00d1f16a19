import { Result, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { ArrearsPage } from "@/features/arrears/components/arrears-page";
import { useMe } from "@/lib/auth";
import { usePageTitle } from "@/lib/page-title";

const READERS = ["admin", "manager", "supervisor", "agent", "steward"];

export default function ArrearsRoute() {
  const { t } = useTranslation();
  const me = useMe();
  usePageTitle(t("nav.arrears"));
  if (!me.data) return null;
  if (!READERS.includes(me.data.role)) return <Result status="403" title={t("errors.forbidden")} />;
  return (
    <>
      <Typography.Title level={3}>{t("arrears.title")}</Typography.Title>
      <ArrearsPage role={me.data.role} />
    </>
  );
}
