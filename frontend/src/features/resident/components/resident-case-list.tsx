import { Alert, Button, Empty, List, Space, Spin, Tag, Typography } from "antd";
import dayjs from "dayjs";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { errorMessage } from "@/lib/problem";
import { useResidentCases } from "../api/resident-cases";
import { ResidentBoard } from "./resident-board";
import { useBilingual } from "./use-bilingual";

/** The resident's own cases, newest first, with the board and "report a problem". */
export function ResidentCaseList() {
  const { t } = useTranslation();
  const text = useBilingual();
  const cases = useResidentCases();
  return (
    <Space direction="vertical" style={{ width: "100%" }}>
      <Link to="/resident/report">
        <Button type="primary" block data-testid="resident-report">
          {t("residentApp.report")}
        </Button>
      </Link>
      <Typography.Title level={5}>{t("residentApp.myCases")}</Typography.Title>
      {cases.isError && <Alert type="error" message={errorMessage(cases.error, t)} />}
      {cases.isPending ? (
        <Spin />
      ) : (
        <List
          dataSource={cases.data?.items ?? []}
          locale={{ emptyText: <Empty description={t("residentApp.noCases")} /> }}
          renderItem={(item) => (
            <List.Item data-testid="resident-case">
              <Link to={`/resident/cases/${item.id}`} style={{ width: "100%" }}>
                <Space direction="vertical" size={0} style={{ width: "100%" }}>
                  <Space>
                    <Tag>{t(`case.status.${item.status}`)}</Tag>
                    <Typography.Text strong>{item.title}</Typography.Text>
                  </Space>
                  <Typography.Text type="secondary">{text(item.progress)}</Typography.Text>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {item.number} · {dayjs(item.reported_at).format("YYYY-MM-DD HH:mm")}
                  </Typography.Text>
                </Space>
              </Link>
            </List.Item>
          )}
        />
      )}
      <ResidentBoard />
    </Space>
  );
}
