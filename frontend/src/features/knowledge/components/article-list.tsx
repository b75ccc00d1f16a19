import { Button, Card, Empty, Flex, List, Result, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { errorMessage } from "@/lib/problem";
import { useArticles } from "../api/articles";
import { ArticleStatusTag } from "./article-status-tag";

/** The articles matching the search (`q`) and the category, with "load more"; a title opens the article. */
export function ArticleList({
  q,
  categoryId,
  onOpen,
}: {
  q: string;
  categoryId: string | undefined;
  onOpen: (id: string) => void;
}) {
  const { t } = useTranslation();
  const articles = useArticles({ q: q || undefined, category_id: categoryId });
  const items = articles.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Card>
      {articles.isError ? (
        <Result
          status="warning"
          title={errorMessage(articles.error, t)}
          extra={<Button onClick={() => void articles.refetch()}>{t("common.retry")}</Button>}
        />
      ) : (
        <List
          loading={articles.isPending}
          dataSource={items}
          locale={{ emptyText: <Empty description={q ? t("knowledge.noMatch") : t("knowledge.empty")} /> }}
          loadMore={
            articles.hasNextPage && (
              <Flex justify="center" style={{ marginTop: 12 }}>
                <Button loading={articles.isFetchingNextPage} onClick={() => void articles.fetchNextPage()}>
                  {t("common.loadMore")}
                </Button>
              </Flex>
            )
          }
          renderItem={(a) => (
            <List.Item
              key={a.id}
              data-testid="knowledge-item"
              actions={[<ArticleStatusTag key="s" status={a.status} />]}
            >
              <List.Item.Meta
                title={
                  <Typography.Link
                    onClick={() => {
                      onOpen(a.id);
                    }}
                  >
                    {a.title}
                  </Typography.Link>
                }
                description={a.excerpt}
              />
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
