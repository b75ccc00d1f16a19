import { Typography } from "antd";
import { useTranslation } from "react-i18next";
import { ArrearsPage } from "@/features/arrears/components/arrears-page";
import { useMe } from "@/lib/auth";
import { usePageTitle } from "@/lib/page-title";

export default function ArrearsRoute() {
  const { t } = useTranslation();
  const me = useMe();
  usePageTitle(t("nav.arrears"));
  if (!me.data) return null;
  return (
    <>
      <Typography.Title level={3}>{t("arrears.title")}</Typography.Title>
      <ArrearsPage permissions={me.data.permissions} />
    </>
  );
}
