import { Card, List, Space, Tag } from "antd";
import { useTranslation } from "react-i18next";
import type { CaseDetail } from "@/lib/types";
import { formatTime } from "./format";

/** The return visits made on the case, with the satisfaction each recorded. */
export function CaseVisits({ c }: { c: CaseDetail }) {
  const { t } = useTranslation();
  return (
    <Card title={t("case.visits")} size="small">
      <List
        size="small"
        dataSource={c.visits}
        locale={{ emptyText: t("common.none") }}
        renderItem={(v) => (
          <List.Item>
            <Space wrap>
              <span>{formatTime(v.created_at)}</span>
              {v.satisfaction ? (
                <Tag color={v.satisfaction.includes("dissatisfied") ? "red" : "green"}>
                  {t(`case.satisfaction.${v.satisfaction}`)}
                </Tag>
              ) : (
                <Tag>{t("case.notReached")}</Tag>
              )}
              {v.comment && <span>{v.comment}</span>}
            </Space>
          </List.Item>
        )}
      />
    </Card>
  );
}
