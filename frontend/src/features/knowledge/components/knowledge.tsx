import {
  Button,
  Card,
  Drawer,
  Empty,
  Flex,
  Input,
  List,
  Result,
  Select,
  Space,
  Spin,
  Tag,
  Typography,
} from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { errorMessage } from "@/lib/problem";
import { useCategories } from "@/lib/reference";
import type { Article, ArticleStatus } from "../api/types";
import { useArticle } from "../api/get-article";
import { useArticles } from "../api/articles";
import { useUpdateArticle } from "../api/update-article";
import { ArticleForm } from "./article-form";
import { Markdown } from "./markdown";

function StatusTag({ status }: { status: ArticleStatus }) {
  const { t } = useTranslation();
  return <Tag color={status === "published" ? "green" : "default"}>{t(`knowledge.status.${status}`)}</Tag>;
}

/** One article in a drawer: rendered Markdown; edit, publish and withdraw for those who manage. */
function ArticleDrawer({ id, manage, onClose }: { id: string; manage: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const article = useArticle(id);
  const update = useUpdateArticle();
  const [editing, setEditing] = useState<Article | null>(null);
  const a = article.data;
  const toggle = (status: ArticleStatus) => {
    if (a) update.mutate({ id: a.id, version: a.version, body: { status } });
  };
  return (
    <Drawer open width={640} onClose={onClose} title={a?.title ?? t("common.loading")} destroyOnHidden>
      {article.isPending && <Spin />}
      {article.isError && <Result status="warning" title={errorMessage(article.error, t)} />}
      {a && (
        <Flex vertical gap="middle">
          <Space wrap>
            <StatusTag status={a.status} />
            {a.tags.map((tag) => (
              <Tag key={tag}>{tag}</Tag>
            ))}
          </Space>
          <Markdown source={a.body} />
          {manage && (
            <Space>
              <Button
                onClick={() => {
                  setEditing(a);
                }}
              >
                {t("common.edit")}
              </Button>
              {a.status === "draft" ? (
                <Button
                  type="primary"
                  loading={update.isPending}
                  onClick={() => {
                    toggle("published");
                  }}
                  data-testid="publish"
                >
                  {t("knowledge.publish")}
                </Button>
              ) : (
                <Button
                  loading={update.isPending}
                  onClick={() => {
                    toggle("draft");
                  }}
                >
                  {t("knowledge.withdraw")}
                </Button>
              )}
            </Space>
          )}
          {update.isError && <Typography.Text type="danger">{errorMessage(update.error, t)}</Typography.Text>}
        </Flex>
      )}
      {editing && (
        <ArticleForm
          article={editing}
          onClose={() => {
            setEditing(null);
          }}
        />
      )}
    </Drawer>
  );
}

/** The knowledge base: search (Chinese included), browse by category, read; write if allowed. */
export function KnowledgeBase({ manage }: { manage: boolean }) {
  const { t } = useTranslation();
  const [q, setQ] = useState("");
  const [categoryId, setCategoryId] = useState<string | undefined>();
  const [open, setOpen] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const categories = useCategories();
  const articles = useArticles({ q: q || undefined, category_id: categoryId });
  const items = articles.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <Flex vertical gap="middle">
      <Flex gap="small" wrap>
        <Input.Search
          allowClear
          enterButton
          placeholder={t("knowledge.searchPlaceholder")}
          style={{ maxWidth: 420 }}
          onSearch={(value) => {
            setQ(value.trim());
          }}
          data-testid="knowledge-search"
        />
        <Select
          allowClear
          style={{ minWidth: 200 }}
          placeholder={t("knowledge.category")}
          value={categoryId}
          onChange={setCategoryId}
          options={(categories.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }))}
        />
        <div style={{ flex: 1 }} />
        {manage && (
          <Button
            type="primary"
            onClick={() => {
              setCreating(true);
            }}
          >
            {t("knowledge.create")}
          </Button>
        )}
      </Flex>
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
                actions={[<StatusTag key="s" status={a.status} />]}
              >
                <List.Item.Meta
                  title={
                    <Typography.Link
                      onClick={() => {
                        setOpen(a.id);
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
      {open && (
        <ArticleDrawer
          id={open}
          manage={manage}
          onClose={() => {
            setOpen(null);
          }}
        />
      )}
      {creating && (
        <ArticleForm
          onClose={(saved) => {
            setCreating(false);
            if (saved) setOpen(saved.id);
          }}
        />
      )}
    </Flex>
  );
}
