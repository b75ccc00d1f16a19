import { Typography } from "antd";
import { useTranslation } from "react-i18next";
import { AreaCoverage } from "@/features/statistics/components/area-coverage";
import { DecorationStats } from "@/features/statistics/components/decoration-stats";
import { Statistics } from "@/features/statistics/components/statistics";
import { usePageTitle } from "@/lib/page-title";

export default function StatisticsRoute() {
  const { t } = useTranslation();
  usePageTitle(t("nav.statistics"));
  return (
    <>
      <Typography.Title level={3}>{t("pages.statistics.title")}</Typography.Title>
      <Statistics />
      <AreaCoverage />
      <DecorationStats />
    </>
  );
}
