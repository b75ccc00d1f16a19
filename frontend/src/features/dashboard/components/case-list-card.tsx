import { Empty, List, Tag, Typography } from "antd";
import dayjs from "dayjs";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { type CaseListFilter, CARD_ROWS, useCaseList } from "../api/case-list";
import { QueryCard } from "./query-card";

interface CaseListCardProps {
  title: ReactNode;
  testId: string;
  filter: Omit<CaseListFilter, "limit" | "cursor">;
  empty: string;
  /** Where "all" leads (a queue). */
  more?: string;
}

/** The first cases of a queue with their due time; a count ("5+" when there are more). */
export function CaseListCard({ title, testId, filter, empty, more = "/queues" }: CaseListCardProps) {
  const { t } = useTranslation();
  const list = useCaseList(filter);
  const count = list.data ? `${list.data.items.length}${list.data.next_cursor ? "+" : ""}` : null;
  return (
    <QueryCard
      title={title}
      query={list}
      testId={testId}
      extra={
        count !== null && (
          <Link to={more}>
            <Tag color={list.data?.items.length ? "blue" : "default"} data-testid={`${testId}-count`}>
              {t("dashboard.count", { count })}
            </Tag>
          </Link>
        )
      }
    >
      {(page) =>
        page.items.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={empty} />
        ) : (
          <List
            size="small"
            dataSource={page.items.slice(0, CARD_ROWS)}
            renderItem={(c) => (
              <List.Item
                extra={
                  c.next_due_at && (
                    <Typography.Text type={c.overdue ? "danger" : "secondary"}>
                      {dayjs(c.next_due_at).format("MM-DD HH:mm")}
                    </Typography.Text>
                  )
                }
              >
                <Link to={`/cases/${c.id}`}>
                  <Typography.Text ellipsis style={{ maxWidth: 320 }}>
                    {c.number} · {c.title}
                  </Typography.Text>
                </Link>
              </List.Item>
            )}
          />
        )
      }
    </QueryCard>
  );
}
