import { BellOutlined } from "@ant-design/icons";
import { Badge, Button, Empty, Flex, List, Popover, Spin, Typography } from "antd";
import dayjs from "dayjs";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router-dom";
import type { components } from "@/api/schema";
import { useNotifications } from "../api/get-notifications";
import { useMarkAllRead } from "../api/mark-all-read";
import { useMarkRead } from "../api/mark-read";

type Notification = components["schemas"]["NotificationView"];

/** The header bell: unread count (polled), the latest notifications, mark read and open. */
export function NotificationsBell() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const notifications = useNotifications();
  const markRead = useMarkRead();
  const markAll = useMarkAllRead();
  const unread = notifications.data?.unread ?? 0;
  const items = notifications.data?.items ?? [];

  const openOne = (n: Notification) => {
    if (!n.read_at) markRead.mutate(n.id);
    setOpen(false);
    if (n.case_id) void navigate(`/cases/${n.case_id}`);
    else if (n.warning_id) void navigate("/warnings");
  };

  const content = notifications.isPending ? (
    <Spin />
  ) : items.length === 0 ? (
    <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("header.noNotifications")} />
  ) : (
    <List
      size="small"
      style={{ width: 340, maxHeight: 420, overflowY: "auto" }}
      dataSource={items}
      renderItem={(n) => (
        <List.Item
          data-testid="notification"
          style={{ cursor: "pointer", paddingInline: 4 }}
          onClick={() => {
            openOne(n);
          }}
        >
          <Flex vertical style={{ width: "100%" }}>
            <Flex justify="space-between" gap={8}>
              <Typography.Text strong={!n.read_at}>
                {!n.read_at && <Badge status="processing" style={{ marginInlineEnd: 6 }} />}
                {n.title}
              </Typography.Text>
              <Typography.Text type="secondary" style={{ whiteSpace: "nowrap", fontSize: 12 }}>
                {dayjs(n.created_at).format("MM-DD HH:mm")}
              </Typography.Text>
            </Flex>
            {n.body && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {n.body}
              </Typography.Text>
            )}
          </Flex>
        </List.Item>
      )}
    />
  );

  return (
    <Popover
      trigger="click"
      placement="bottomRight"
      open={open}
      onOpenChange={setOpen}
      title={
        <Flex justify="space-between" align="center">
          <span>{t("header.notifications")}</span>
          <Button
            type="link"
            size="small"
            disabled={unread === 0}
            loading={markAll.isPending}
            data-testid="notifications-read-all"
            onClick={() => {
              markAll.mutate();
            }}
          >
            {t("header.markAllRead")}
          </Button>
        </Flex>
      }
      content={content}
    >
      <Badge count={unread} size="small" data-testid="notifications-badge">
        <Button type="text" icon={<BellOutlined />} aria-label={t("header.notifications")} />
      </Badge>
    </Popover>
  );
}
