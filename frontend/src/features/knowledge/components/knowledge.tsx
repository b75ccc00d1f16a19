import { Button, Flex, Input, Select } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useCategories } from "@/lib/reference";
import { ArticleDrawer } from "./article-drawer";
import { ArticleForm } from "./article-form";
import { ArticleList } from "./article-list";

/** The knowledge base: search (Chinese included), browse by category, read; write if allowed. */
export function KnowledgeBase({ manage }: { manage: boolean }) {
  const { t } = useTranslation();
  const [q, setQ] = useState("");
  const [categoryId, setCategoryId] = useState<string | undefined>();
  const [open, setOpen] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const categories = useCategories();

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
      <ArticleList q={q} categoryId={categoryId} onOpen={setOpen} />
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
