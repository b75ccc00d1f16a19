import { Result, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { DeadlineSettings } from "@/features/deadlines/components/deadline-settings";
import { useMe } from "@/lib/auth";
import { usePageTitle } from "@/lib/page-title";
import { canConfigureDeadlines, canManageWebhooks } from "@/lib/permissions";

export default function DeadlinesRoute() {
  const { t } = useTranslation();
  const me = useMe();
  usePageTitle(t("nav.deadlines"));
  if (!me.data) return null;
  if (!canConfigureDeadlines(me.data.role)) return <Result status="403" title={t("errors.forbidden")} />;
  return (
    <>
      <Typography.Title level={3}>{t("pages.deadlines.title")}</Typography.Title>
      <DeadlineSettings webhooks={canManageWebhooks(me.data.role)} />
    </>
  );
}
