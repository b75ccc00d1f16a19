import { Button, Card, Flex, Result, Table } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { errorMessage } from "@/lib/problem";
import { type AuditEntry, type AuditFilter, useAudit } from "../api/audit";
import { type AuditChoice, AuditFilters } from "./audit-filters";
import { useAuditColumns } from "./use-audit-columns";

/** Who viewed which unmasked phone number, who exported what: filter by user, action and days. */
export function AuditLog() {
  const { t } = useTranslation();
  const [choice, setChoice] = useState<AuditChoice>({ range: null });
  const { actor, action, range } = choice;
  const filter: AuditFilter = {
    actor_id: actor,
    action,
    from: range?.[0].startOf("day").toISOString(),
    to: range?.[1].add(1, "day").startOf("day").toISOString(),
  };
  const log = useAudit(filter);
  const columns = useAuditColumns();
  const rows = log.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <Flex vertical gap="middle">
      <AuditFilters
        choice={choice}
        onChange={(patch) => {
          setChoice((c) => ({ ...c, ...patch }));
        }}
      />
      <Card>
        {log.isError ? (
          <Result
            status="warning"
            title={errorMessage(log.error, t)}
            extra={<Button onClick={() => void log.refetch()}>{t("common.retry")}</Button>}
          />
        ) : (
          <>
            <Table<AuditEntry>
              rowKey="id"
              size="small"
              loading={log.isPending}
              dataSource={rows}
              pagination={false}
              scroll={{ x: 800 }}
              columns={columns}
            />
            {log.hasNextPage && (
              <Flex justify="center" style={{ marginTop: 12 }}>
                <Button loading={log.isFetchingNextPage} onClick={() => void log.fetchNextPage()}>
                  {t("common.loadMore")}
                </Button>
              </Flex>
            )}
          </>
        )}
      </Card>
    </Flex>
  );
}
