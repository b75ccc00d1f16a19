import { useInfiniteQuery } from "@tanstack/react-query";
import { Select } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { articlesQuery } from "../api/articles";
import { useSuggestions } from "../api/suggestions";

/**
 * Picks the published article an inquiry is answered from: the articles suggested for the case's
 * title first, any published article by typing. A form control (`value`/`onChange` from Form.Item).
 */
export function ArticlePicker({
  title,
  value,
  onChange,
}: {
  title: string;
  value?: string;
  onChange?: (id: string | undefined) => void;
}) {
  const { t } = useTranslation();
  const [q, setQ] = useState("");
  const suggested = useSuggestions(title);
  const searched = useInfiniteQuery({
    ...articlesQuery({ q: q.trim(), status: "published" }),
    enabled: q.trim().length > 0,
  });
  const found = q.trim()
    ? (searched.data?.pages.flatMap((p) => p.items) ?? [])
    : (suggested.data?.items ?? []);
  const options = found.filter((a) => a.status === "published").map((a) => ({ value: a.id, label: a.title }));
  return (
    <Select
      allowClear
      showSearch
      filterOption={false}
      value={value}
      onChange={(id: string | undefined) => onChange?.(id)}
      onSearch={setQ}
      loading={q.trim() ? searched.isFetching : suggested.isFetching}
      placeholder={t("case.articlePlaceholder")}
      options={options}
      data-testid="article-picker"
    />
  );
}
