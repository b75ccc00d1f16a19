import { Typography } from "antd";
import { useTranslation } from "react-i18next";
import { LeadBoard } from "@/features/leads/components/lead-board";
import { useMe } from "@/lib/auth";
import { usePageTitle } from "@/lib/page-title";

export default function LeadsRoute() {
  const { t } = useTranslation();
  const me = useMe();
  usePageTitle(t("nav.leads"));
  if (!me.data) return null;
  return (
    <>
      <Typography.Title level={3}>{t("nav.leads")}</Typography.Title>
      <LeadBoard designer={me.data.role === "designer"} />
    </>
  );
}
