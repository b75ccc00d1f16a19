import { ArrowLeftOutlined } from "@ant-design/icons";
import { Button } from "antd";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router-dom";
import { CaseDetailView } from "@/features/cases/components/case-detail";
import { useMe } from "@/lib/auth";
import { usePageTitle } from "@/lib/page-title";

export default function CaseRoute() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const me = useMe();
  usePageTitle(t("nav.queues"));
  if (!me.data) return null;
  return (
    <>
      <Link to="/queues">
        <Button type="link" icon={<ArrowLeftOutlined />} style={{ paddingInline: 0, marginBottom: 8 }}>
          {t("case.back")}
        </Button>
      </Link>
      <CaseDetailView key={id} id={id} role={me.data.role} />
    </>
  );
}
