import { MenuFoldOutlined, MenuUnfoldOutlined } from "@ant-design/icons";
import { Button, Layout, theme } from "antd";
import { useTranslation } from "react-i18next";
import { LanguageSwitch } from "@/components/language-switch";
import { NotificationsBell } from "@/features/notifications/components/notifications-bell";
import type { User } from "@/lib/auth";
import { UserMenu } from "./user-menu";

/** The top bar: the menu toggle, the language switch, the notifications and the account menu. */
export function AppHeader({
  user,
  collapsed,
  onToggle,
}: {
  user: User;
  collapsed: boolean;
  onToggle: () => void;
}) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  return (
    <Layout.Header
      style={{
        display: "flex",
        alignItems: "center",
        gap: 12,
        paddingInline: 16,
        background: token.colorBgContainer,
        borderBottom: `1px solid ${token.colorBorderSecondary}`,
      }}
    >
      <Button
        type="text"
        icon={collapsed ? <MenuUnfoldOutlined /> : <MenuFoldOutlined />}
        aria-label={collapsed ? t("header.expandMenu") : t("header.collapseMenu")}
        onClick={onToggle}
      />
      <div style={{ flex: 1 }} />
      <LanguageSwitch />
      <NotificationsBell />
      <UserMenu user={user} />
    </Layout.Header>
  );
}
