import { Typography } from "antd";
import { useTranslation } from "react-i18next";
import { IntakeForm } from "@/features/cases/components/intake-form";
import { KnowledgeSuggestions } from "@/features/knowledge/components/suggestions";
import { usePageTitle } from "@/lib/page-title";
import { useCan } from "@/lib/permissions";

export default function IntakeRoute() {
  const { t } = useTranslation();
  const can = useCan();
  usePageTitle(t("nav.intake"));
  return (
    <>
      <Typography.Title level={3}>{t("pages.intake.title")}</Typography.Title>
      <IntakeForm
        suggestions={
          can("knowledge_read")
            ? (title, categoryId) => <KnowledgeSuggestions title={title} categoryId={categoryId} />
            : undefined
        }
      />
    </>
  );
}
