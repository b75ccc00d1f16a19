import { ArrowLeftOutlined } from "@ant-design/icons";
import { Button } from "antd";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router-dom";
import { CaseDetailView } from "@/features/cases/components/case-detail";
import { ArticlePicker } from "@/features/knowledge/components/article-picker";
import { TemplatePicker } from "@/features/reply-templates/components/template-picker";
import { usePageTitle } from "@/lib/page-title";
import { useCan } from "@/lib/permissions";

export default function CaseRoute() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const can = useCan();
  usePageTitle(t("nav.queues"));
  return (
    <>
      <Link to="/queues">
        <Button type="link" icon={<ArrowLeftOutlined />} style={{ paddingInline: 0, marginBottom: 8 }}>
          {t("case.back")}
        </Button>
      </Link>
      <CaseDetailView
        key={id}
        id={id}
        templates={
          can("knowledge_read")
            ? (use, insert) => <TemplatePicker use={use} caseId={id} onInsert={insert} />
            : undefined
        }
        articles={can("knowledge_read") ? (title) => <ArticlePicker title={title} /> : undefined}
      />
    </>
  );
}
