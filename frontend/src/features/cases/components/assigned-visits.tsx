import { Alert, Button, Card, Empty, List, Space, Spin, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { errorMessage } from "@/lib/problem";
import type { ScheduledVisit } from "@/lib/types";
import { useVisits } from "../api/visits";
import { Countdown } from "./case-tags";
import { VisitRecorder } from "./visit-worklist";

/**
 * The return visits assigned to one person (`GET /api/v1/visits?assignee_id=`): a steward's own
 * when the project's visits are made by stewards. Each is recorded with the worklist's recorder.
 */
export function AssignedVisits({ assigneeId }: { assigneeId: string }) {
  const { t } = useTranslation();
  const visits = useVisits({ status: "due", assignee_id: assigneeId, limit: 20 });
  const items = visits.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Card size="small" title={t("visits.assigned.title")} data-testid="assigned-visits">
      {visits.isError ? (
        <Alert
          type="error"
          showIcon
          message={errorMessage(visits.error, t)}
          data-testid="assigned-visits-error"
          action={
            <Button size="small" onClick={() => void visits.refetch()}>
              {t("common.retry")}
            </Button>
          }
        />
      ) : visits.isPending ? (
        <Spin data-testid="assigned-visits-loading" />
      ) : items.length === 0 ? (
        <Empty
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          description={t("visits.assigned.empty")}
          data-testid="assigned-visits-empty"
        />
      ) : (
        <List<ScheduledVisit>
          size="small"
          dataSource={items}
          renderItem={(v) => (
            <List.Item data-testid="assigned-visit">
              <Space direction="vertical" size={4} style={{ width: "100%" }}>
                <Space wrap size={4}>
                  <Link to={`/cases/${v.case_id}`}>{v.case_number}</Link>
                  <Tag>{t(`visits.purposes.${v.purpose}`)}</Tag>
                  <Countdown dueAt={v.due_at} />
                </Space>
                <Typography.Text>{v.case_title}</Typography.Text>
                <VisitRecorder visit={v} />
              </Space>
            </List.Item>
          )}
        />
      )}
      {visits.hasNextPage && (
        <Button
          size="small"
          style={{ marginTop: 8 }}
          loading={visits.isFetchingNextPage}
          onClick={() => {
            void visits.fetchNextPage();
          }}
        >
          {t("common.loadMore")}
        </Button>
      )}
    </Card>
  );
}
