import { Empty, List, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { useDepartmentOverdue } from "../api/department-overdue";
import { QueryCard } from "./query-card";

/** Open cases past their due time per responsible department, worst first. */
export function DepartmentOverdueCard() {
  const { t } = useTranslation();
  const rows = useDepartmentOverdue();
  return (
    <QueryCard title={t("dashboard.departmentOverdue")} query={rows} testId="card-department-overdue">
      {(groups) =>
        groups.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("dashboard.noneOverdue")} />
        ) : (
          <List
            size="small"
            dataSource={groups.slice(0, 6)}
            renderItem={(g) => (
              <List.Item data-testid="department-overdue-row">
                <Typography.Text>{g.label ?? t("dashboard.noDepartment")}</Typography.Text>
                <Typography.Text type="danger" strong>
                  {g.overdue}
                </Typography.Text>
              </List.Item>
            )}
          />
        )
      }
    </QueryCard>
  );
}
