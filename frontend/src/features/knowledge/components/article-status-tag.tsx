import { Tag } from "antd";
import { useTranslation } from "react-i18next";
import type { ArticleStatus } from "../api/types";

/** An article's status: published (green) or draft. */
export function ArticleStatusTag({ status }: { status: ArticleStatus }) {
  const { t } = useTranslation();
  return <Tag color={status === "published" ? "green" : "default"}>{t(`knowledge.status.${status}`)}</Tag>;
}
