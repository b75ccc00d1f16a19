import { App, Button, Card, Flex, Table, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { errorMessage } from "@/lib/problem";
import { type CaseSummary, type Satisfaction, SATISFACTIONS } from "@/lib/types";
import { useCaseAction, useCases } from "../api/cases";
import { StatusTag } from "./case-tags";
import { formatTime } from "./format";

/** Cases awaiting a return visit; one click records a reached visit with a satisfaction. */
export function VisitWorklist() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const cases = useCases({ queue: "awaiting_visit", limit: 25 });
  const run = useCaseAction();
  const items = cases.data?.pages.flatMap((p) => p.items) ?? [];

  const record = (c: CaseSummary, satisfaction: Satisfaction) => {
    run.mutate(
      {
        id: c.id,
        version: c.version,
        request: { action: "visit", body: { reached: true, satisfaction, comment: null } },
      },
      {
        onSuccess: () => {
          void message.success(t("visits.recorded", { number: c.number }));
        },
        onError: (error) => {
          void message.error(errorMessage(error, t));
          void cases.refetch();
        },
      },
    );
  };

  return (
    <Card>
      <Typography.Paragraph type="secondary">{t("visits.hint")}</Typography.Paragraph>
      <Table<CaseSummary>
        rowKey="id"
        size="small"
        loading={cases.isPending}
        dataSource={items}
        pagination={false}
        scroll={{ x: 760 }}
        locale={{ emptyText: t("pages.visits.empty") }}
        columns={[
          {
            key: "number",
            title: t("case.field.number"),
            render: (_, c) => <Link to={`/cases/${c.id}`}>{c.number}</Link>,
          },
          { key: "title", title: t("case.field.title"), dataIndex: "title", ellipsis: true },
          {
            key: "customer",
            title: t("case.field.customer"),
            render: (_, c) => [c.customer_name, c.property_label].filter(Boolean).join(" · ") || "—",
          },
          {
            key: "status",
            title: t("case.field.status"),
            render: (_, c) => <StatusTag status={c.status} />,
            responsive: ["md"],
          },
          {
            key: "reported",
            title: t("case.field.reportedAt"),
            render: (_, c) => formatTime(c.reported_at),
            responsive: ["lg"],
          },
          {
            key: "visit",
            title: t("case.field.satisfaction"),
            render: (_, c) => (
              <Flex wrap gap={4}>
                {SATISFACTIONS.map((s) => (
                  <Button
                    key={s}
                    size="small"
                    danger={s.includes("dissatisfied")}
                    disabled={run.isPending}
                    data-testid={`visit-${s}`}
                    onClick={() => {
                      record(c, s);
                    }}
                  >
                    {t(`case.satisfaction.${s}`)}
                  </Button>
                ))}
              </Flex>
            ),
          },
        ]}
      />
      {cases.hasNextPage && (
        <Button
          style={{ marginTop: 12 }}
          loading={cases.isFetchingNextPage}
          onClick={() => {
            void cases.fetchNextPage();
          }}
        >
          {t("common.loadMore")}
        </Button>
      )}
    </Card>
  );
}
