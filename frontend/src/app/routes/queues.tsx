import { Typography } from "antd";
import { useTranslation } from "react-i18next";
import { CaseQueues } from "@/features/cases/components/case-queues";
import { usePageTitle } from "@/lib/page-title";

export default function QueuesRoute() {
  const { t } = useTranslation();
  usePageTitle(t("nav.queues"));
  return (
    <>
      <Typography.Title level={3}>{t("pages.queues.title")}</Typography.Title>
      <CaseQueues />
    </>
  );
}
