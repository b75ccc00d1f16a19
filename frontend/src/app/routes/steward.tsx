import { Typography } from "antd";
import { useTranslation } from "react-i18next";
import { StewardWorkbench } from "@/features/steward/components/steward-workbench";
import { usePageTitle } from "@/lib/page-title";

export default function StewardRoute() {
  const { t } = useTranslation();
  usePageTitle(t("nav.steward"));
  return (
    <>
      <Typography.Title level={3}>{t("nav.steward")}</Typography.Title>
      <StewardWorkbench />
    </>
  );
}
