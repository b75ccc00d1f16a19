import { Button, Flex, Table, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { CaseKind, CaseStatus, CaseSummary, Level, Queue, Severity } from "@/lib/types";
import { useCases } from "../api/list-cases";
import { useCaseColumns } from "./use-case-columns";

/** A list of cases with "load more"; used by the queues and the dashboard. */
export function CaseTable({
  queue,
  status,
  kind,
  severity,
  level,
  q,
  compact,
  cancelRequested,
}: {
  queue?: Queue;
  status?: CaseStatus;
  kind?: CaseKind;
  severity?: Severity;
  level?: Level;
  q?: string;
  compact?: boolean;
  /** Only cases whose cancellation waits for approval (the dashboard's approvals link here). */
  cancelRequested?: boolean;
}) {
  const { t } = useTranslation();
  const cases = useCases({
    queue,
    status,
    kind,
    severity,
    level,
    q: q || undefined,
    cancel_requested: cancelRequested,
    limit: compact ? 10 : 25,
  });
  const items: CaseSummary[] = cases.data?.pages.flatMap((p) => p.items) ?? [];
  const columns = useCaseColumns();
  return (
    <Flex vertical gap="small">
      <Table<CaseSummary>
        rowKey="id"
        size="small"
        loading={cases.isPending}
        dataSource={items}
        pagination={false}
        scroll={{ x: 720 }}
        locale={{ emptyText: t("pages.queues.empty") }}
        columns={columns}
      />
      <Flex justify="space-between" align="center">
        <Typography.Text type="secondary">{t("queues.count", { count: items.length })}</Typography.Text>
        {cases.hasNextPage && (
          <Button
            loading={cases.isFetchingNextPage}
            onClick={() => {
              void cases.fetchNextPage();
            }}
          >
            {t("common.loadMore")}
          </Button>
        )}
      </Flex>
    </Flex>
  );
}
