import { Button, Drawer, Flex, Result, Space, Spin, Tag, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { errorMessage } from "@/lib/problem";
import { useArticle } from "../api/get-article";
import type { Article, ArticleStatus } from "../api/types";
import { useUpdateArticle } from "../api/update-article";
import { ArticleForm } from "./article-form";
import { ArticleStatusTag } from "./article-status-tag";
import { Markdown } from "./markdown";

/** One article in a drawer: rendered Markdown; edit, publish and withdraw for those who manage. */
export function ArticleDrawer({ id, manage, onClose }: { id: string; manage: boolean; onClose: () => void }) {
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
            <ArticleStatusTag status={a.status} />
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
