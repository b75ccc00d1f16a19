import { Typography } from "antd";
import { useTranslation } from "react-i18next";
import { DeadlineSettings } from "@/features/deadlines/components/deadline-settings";
import { usePageTitle } from "@/lib/page-title";
import { useCan } from "@/lib/permissions";

export default function DeadlinesRoute() {
  const { t } = useTranslation();
  const can = useCan();
  usePageTitle(t("nav.deadlines"));
  return (
    <>
      <Typography.Title level={3}>{t("pages.deadlines.title")}</Typography.Title>
      <DeadlineSettings webhooks={can("webhook_manage")} company={can("config_manage")} />
    </>
  );
}
