import { Typography } from "antd";
import { useTranslation } from "react-i18next";
import { AssignedVisits } from "@/features/cases/components/assigned-visits";
import { StewardWorkbench } from "@/features/steward/components/steward-workbench";
import { useMe } from "@/lib/auth";
import { usePageTitle } from "@/lib/page-title";
import { useCan } from "@/lib/permissions";

export default function StewardRoute() {
  const { t } = useTranslation();
  const me = useMe();
  const can = useCan();
  usePageTitle(t("nav.steward"));
  // The return visits assigned to the user (a steward's, when their project's visits are made
  // by stewards), recorded where the rest of the day is.
  const assigned = me.data && can("case_reply") ? <AssignedVisits assigneeId={me.data.id} /> : undefined;
  return (
    <>
      <Typography.Title level={3}>{t("nav.steward")}</Typography.Title>
      <StewardWorkbench assigned={assigned} />
    </>
  );
}
