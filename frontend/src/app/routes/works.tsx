import { Typography } from "antd";
import { useTranslation } from "react-i18next";
import { WorksList } from "@/features/works/components/works-list";
import { usePageTitle } from "@/lib/page-title";

export default function WorksRoute() {
  const { t } = useTranslation();
  usePageTitle(t("nav.works"));
  return (
    <>
      <Typography.Title level={3}>{t("nav.works")}</Typography.Title>
      <WorksList />
    </>
  );
}
