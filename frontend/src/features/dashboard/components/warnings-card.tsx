import { Empty, List, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { useOpenWarnings } from "../api/open-warnings";
import { QueryCard } from "./query-card";

/** The newest open complaint warnings (投诉预警). */
export function WarningsCard() {
  const { t } = useTranslation();
  const open = useOpenWarnings(true);
  return (
    <QueryCard
      title={<Link to="/warnings">{t("dashboard.warnings")}</Link>}
      query={open}
      testId="card-warnings"
      extra={
        open.data && (
          <Tag
            color={open.data.items.length > 0 ? "volcano" : "default"}
            data-testid="dashboard-warnings-count"
          >
            {t("dashboard.openWarnings", {
              count: open.data.items.length,
              more: open.data.next_cursor ? "+" : "",
            })}
          </Tag>
        )
      }
    >
      {(page) =>
        page.items.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("warnings.empty")} />
        ) : (
          <List
            size="small"
            dataSource={page.items}
            renderItem={(w) => (
              <List.Item>
                <Typography.Text ellipsis>{w.title}</Typography.Text>
              </List.Item>
            )}
          />
        )
      }
    </QueryCard>
  );
}
