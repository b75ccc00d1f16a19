import { Card, Flex, List, Space, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { CaseDetail } from "@/lib/types";
import { useCaseNames } from "./use-case-names";

/** The case's work orders, one per dispatch: department, assignee, state and result. */
export function CaseWorkOrders({ c }: { c: CaseDetail }) {
  const { t } = useTranslation();
  const { department, person } = useCaseNames();
  return (
    <Card title={t("case.workOrders")} size="small">
      <List
        size="small"
        dataSource={c.work_orders}
        locale={{ emptyText: t("common.none") }}
        renderItem={(w) => (
          <List.Item>
            <Flex vertical style={{ width: "100%" }}>
              <Space wrap>
                <Typography.Text strong>#{w.sequence}</Typography.Text>
                <span>{department(w.department_id)}</span>
                <span>{person(w.assignee_id)}</span>
                <Tag color={w.status === "done" ? "green" : undefined}>
                  {t(`case.workOrderStatus.${w.status}`)}
                </Tag>
              </Space>
              {w.result && <Typography.Text type="secondary">{w.result}</Typography.Text>}
            </Flex>
          </List.Item>
        )}
      />
    </Card>
  );
}
