import { Typography } from "antd";
import { useTranslation } from "react-i18next";
import { NoticesEditor } from "@/features/steward/components/notices-editor";
import { usePageTitle } from "@/lib/page-title";

export default function NoticesRoute() {
  const { t } = useTranslation();
  usePageTitle(t("nav.notices"));
  return (
    <>
      <Typography.Title level={3}>{t("nav.notices")}</Typography.Title>
      <NoticesEditor />
    </>
  );
}
