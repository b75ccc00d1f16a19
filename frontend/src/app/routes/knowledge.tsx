import { Typography } from "antd";
import { useTranslation } from "react-i18next";
import { KnowledgeBase } from "@/features/knowledge/components/knowledge";
import { usePageTitle } from "@/lib/page-title";
import { useCan } from "@/lib/permissions";

export default function KnowledgeRoute() {
  const { t } = useTranslation();
  const can = useCan();
  usePageTitle(t("nav.knowledge"));
  return (
    <>
      <Typography.Title level={3}>{t("nav.knowledge")}</Typography.Title>
      <KnowledgeBase manage={can("knowledge_manage")} />
    </>
  );
}
