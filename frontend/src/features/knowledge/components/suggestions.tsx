import { Card, Drawer, List, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useArticle } from "../api/get-article";
import { useSuggestions } from "../api/suggestions";
import { Markdown } from "./markdown";

/** Articles related to the case being registered; one click opens the answer beside the form. */
export function KnowledgeSuggestions({ title, categoryId }: { title: string; categoryId?: string }) {
  const { t } = useTranslation();
  const suggestions = useSuggestions(title, categoryId);
  const [open, setOpen] = useState<string | null>(null);
  const article = useArticle(open);
  const items = suggestions.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <Card
      title={t("knowledge.suggested")}
      style={{ marginTop: 16 }}
      size="small"
      data-testid="knowledge-suggestions"
    >
      <List
        size="small"
        dataSource={items}
        renderItem={(a) => (
          <List.Item>
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
      <Drawer
        open={Boolean(open)}
        width={560}
        title={article.data?.title}
        onClose={() => {
          setOpen(null);
        }}
      >
        {article.data && <Markdown source={article.data.body} />}
      </Drawer>
    </Card>
  );
}
