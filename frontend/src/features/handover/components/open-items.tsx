import { Collapse, Empty, List, Tag, Typography } from "antd";
import dayjs from "dayjs";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import type { OpenItems } from "../api/snapshot";

const SECTIONS = ["to_dispatch", "visits_due", "warnings_open", "urgent_open", "paused"] as const;

/** The open items a handover carries, one collapsible list per kind with its count. */
export function OpenItemsView({ items }: { items: OpenItems }) {
  const { t } = useTranslation();
  const rows = (key: (typeof SECTIONS)[number]) => {
    if (key === "warnings_open") {
      return items.warnings_open.map((w) => (
        <List.Item key={w.id}>
          <Link to="/warnings">{w.title}</Link>
          <Typography.Text type="secondary">{dayjs(w.fired_at).format("MM-DD HH:mm")}</Typography.Text>
        </List.Item>
      ));
    }
    if (key === "visits_due") {
      return items.visits_due.map((v) => (
        <List.Item key={v.id}>
          <span>
            <Link to={`/cases/${v.case_id}`}>{v.number}</Link> {v.title}
          </span>
          <Typography.Text type="secondary">{dayjs(v.due_at).format("MM-DD HH:mm")}</Typography.Text>
        </List.Item>
      ));
    }
    return items[key].map((c) => (
      <List.Item key={c.id}>
        <span>
          <Link to={`/cases/${c.id}`}>{c.number}</Link> {c.title}
        </span>
        {c.severity !== "normal" && <Tag color="red">{t(`handover.severity.${c.severity}`, c.severity)}</Tag>}
      </List.Item>
    ));
  };
  return (
    <Collapse
      size="small"
      data-testid="handover-open-items"
      items={SECTIONS.map((key) => ({
        key,
        label: `${t(`handover.items.${key}`)} (${items[key].length})`,
        children:
          items[key].length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("handover.items.none")} />
          ) : (
            <List size="small">{rows(key)}</List>
          ),
      }))}
    />
  );
}
