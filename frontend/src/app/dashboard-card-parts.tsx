import { Card } from "antd";
import { useTranslation } from "react-i18next";
import { CaseTable } from "@/features/cases/components/case-table";
import { CaseListCard } from "@/features/dashboard/components/case-list-card";

/** A dashboard card listing the first cases of a filter; its title and empty text are `dashboard.<k>…`. */
export function Cases(props: {
  k: string;
  filter: Parameters<typeof CaseListCard>[0]["filter"];
  empty?: string;
}) {
  const { t } = useTranslation();
  const key = props.k as "registeredToday";
  return (
    <CaseListCard
      title={t(`dashboard.${key}`)}
      testId={`card-${props.k}`}
      filter={props.filter}
      empty={t((props.empty ?? `dashboard.${key}Empty`) as "dashboard.registeredTodayEmpty")}
    />
  );
}

/** The open cases assigned to me (the queue table has its own loading and empty states). */
export function MyQueue() {
  const { t } = useTranslation();
  return (
    <Card title={t("dashboard.myQueue")} data-testid="card-my-queue">
      <CaseTable queue="mine" compact />
    </Card>
  );
}
