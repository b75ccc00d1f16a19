import { Alert, Button, Card, Empty, List, Space, Spin, Tag, Typography } from "antd";
import dayjs from "dayjs";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { errorMessage } from "@/lib/problem";
import type { Patrol } from "../api/types";
import { useAreaPatrols } from "../api/patrols";
import { useRoutes } from "../api/patrol-routes";
import { PatrolDetail } from "./patrol-detail";

/** The area's latest patrols; each opens its detail with the checkpoints' photos. */
export function RecentPatrols({ areaId }: { areaId: string }) {
  const { t } = useTranslation();
  const patrols = useAreaPatrols(areaId);
  const routes = useRoutes(areaId);
  const [open, setOpen] = useState<Patrol | null>(null);
  const routeOf = (id: string) => routes.data?.items.find((r) => r.id === id);
  return (
    <Card size="small" title={t("steward.patrols.recent")} data-testid="steward-recent-patrols">
      {patrols.isError ? (
        <Alert
          type="error"
          showIcon
          message={errorMessage(patrols.error, t)}
          data-testid="recent-patrols-error"
          action={
            <Button size="small" onClick={() => void patrols.refetch()}>
              {t("common.retry")}
            </Button>
          }
        />
      ) : patrols.isPending ? (
        <Spin data-testid="recent-patrols-loading" />
      ) : patrols.data.items.length === 0 ? (
        <Empty
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          description={t("steward.patrols.none")}
          data-testid="recent-patrols-empty"
        />
      ) : (
        <List<Patrol>
          size="small"
          dataSource={patrols.data.items}
          renderItem={(p) => (
            <List.Item
              data-testid="recent-patrol"
              actions={[
                <Button
                  key="open"
                  size="small"
                  onClick={() => {
                    setOpen(p);
                  }}
                  data-testid="recent-patrol-open"
                >
                  {t("steward.patrols.open")}
                </Button>,
              ]}
            >
              <Space wrap size={4}>
                <Typography.Text>{dayjs(p.finished_at).format("MM-DD HH:mm")}</Typography.Text>
                <Typography.Text>{routeOf(p.route_id)?.name}</Typography.Text>
                {p.failed > 0 ? (
                  <Tag color="red">{t("steward.patrols.failed", { count: p.failed })}</Tag>
                ) : (
                  <Tag color="green">{t("steward.patrols.allOk")}</Tag>
                )}
              </Space>
            </List.Item>
          )}
        />
      )}
      {open && (
        <PatrolDetail
          patrol={open}
          route={routeOf(open.route_id)}
          onClose={() => {
            setOpen(null);
          }}
        />
      )}
    </Card>
  );
}
