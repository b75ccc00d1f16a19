import { Typography } from "antd";
import { useTranslation } from "react-i18next";
import { Warnings } from "@/features/deadlines/components/warnings";
import { usePageTitle } from "@/lib/page-title";

export default function WarningsRoute() {
  const { t } = useTranslation();
  usePageTitle(t("nav.warnings"));
  return (
    <>
      <Typography.Title level={3}>{t("pages.warnings.title")}</Typography.Title>
      <Warnings />
    </>
  );
}
