import { Typography } from "antd";
import { useTranslation } from "react-i18next";
import { VisitWorklist } from "@/features/cases/components/visit-worklist";
import { usePageTitle } from "@/lib/page-title";

export default function VisitsRoute() {
  const { t } = useTranslation();
  usePageTitle(t("nav.visits"));
  return (
    <>
      <Typography.Title level={3}>{t("pages.visits.title")}</Typography.Title>
      <VisitWorklist />
    </>
  );
}
