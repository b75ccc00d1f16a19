import { Alert, Card, Table } from "antd";
import { useTranslation } from "react-i18next";
import type { components } from "@/api/schema";
import { errorMessage } from "@/lib/problem";
import { useReport } from "../api/report";

type Row = components["schemas"]["ArticleAnswers"];

/** The knowledge articles that closed most inquiries on the spot in a month (`YYYY-MM`), from the monthly report. */
export function TopArticles({ month }: { month: string }) {
  const { t } = useTranslation();
  const report = useReport(month);
  return (
    <Card title={t("stats.topArticles", { month })} data-testid="top-articles">
      {report.isError ? (
        <Alert type="error" showIcon message={errorMessage(report.error, t)} />
      ) : (
        <Table<Row>
          rowKey="article_id"
          size="small"
          loading={report.isPending}
          dataSource={report.data?.top_articles}
          pagination={false}
          locale={{ emptyText: t("stats.topArticlesEmpty", { month }) }}
          columns={[
            {
              key: "title",
              title: t("stats.article"),
              render: (_, a) => a.title ?? t("stats.articleDeleted"),
            },
            { key: "inquiries", title: t("stats.inquiries"), dataIndex: "inquiries", width: 160 },
          ]}
        />
      )}
    </Card>
  );
}
