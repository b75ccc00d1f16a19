import { Typography } from "antd";
import { useTranslation } from "react-i18next";
import { ReplyTemplates } from "@/features/reply-templates/components/reply-templates";
import { usePageTitle } from "@/lib/page-title";
import { useCan } from "@/lib/permissions";

export default function ReplyTemplatesRoute() {
  const { t } = useTranslation();
  const can = useCan();
  usePageTitle(t("nav.reply-templates"));
  return (
    <>
      <Typography.Title level={3}>{t("nav.reply-templates")}</Typography.Title>
      <ReplyTemplates manage={can("knowledge_manage")} />
    </>
  );
}
