import { LogoutOutlined } from "@ant-design/icons";
import { Avatar, Button, Dropdown, Flex, Grid, Tag, theme } from "antd";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router-dom";
import { type User, useLogout } from "@/lib/auth";

/** The account button in the header (avatar, name, role) with its logout menu. */
export function UserMenu({ user }: { user: User }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const logout = useLogout();
  const { token } = theme.useToken();
  const screens = Grid.useBreakpoint();

  const onLogout = () => {
    logout();
    void navigate("/login", { replace: true });
  };

  return (
    <Dropdown
      trigger={["click"]}
      menu={{
        items: [{ key: "logout", icon: <LogoutOutlined />, label: t("header.logout"), danger: true }],
        onClick: ({ key }) => {
          if (key === "logout") onLogout();
        },
      }}
    >
      <Button type="text" aria-label={t("header.account")} data-testid="user-menu" style={{ height: 40 }}>
        <Flex align="center" gap={8}>
          <Avatar size="small" style={{ background: token.colorPrimary }}>
            {user.display_name.slice(0, 1)}
          </Avatar>
          <span
            data-testid="user-name"
            // On a phone the avatar stands for the name, so the header fits 390 px.
            style={screens.sm ? undefined : { display: "none" }}
          >
            {user.display_name}
          </span>
          {screens.md && (
            <Tag bordered={false} style={{ marginInlineEnd: 0 }}>
              {t(`roles.${user.role}`)}
            </Tag>
          )}
        </Flex>
      </Button>
    </Dropdown>
  );
}
