import { Flex, Layout, Menu, type MenuProps, theme, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { Link, useLocation } from "react-router-dom";
import type { User } from "@/lib/auth";
import { can } from "@/lib/permissions";
import { sectionOf, SECTIONS } from "../sections";

/** The sections the user may open, as menu items linking to them. */
function useMenuItems(user: User): MenuProps["items"] {
  const { t } = useTranslation();
  return SECTIONS.filter((s) => s.menu !== false && (!s.permission || can(user, s.permission))).map((s) => ({
    key: s.key,
    icon: s.icon,
    // Section keys are open-ended (other features add theirs), so the label key is built here.
    label: <Link to={`/${s.path ?? s.key}`}>{t(`nav.${s.key}` as "nav.dashboard")}</Link>,
  }));
}

/** The side bar: the logo (a link to the dashboard) and the section menu. */
export function SideNav({
  user,
  collapsed,
  onCollapse,
}: {
  user: User;
  collapsed: boolean;
  onCollapse: (collapsed: boolean) => void;
}) {
  const { t } = useTranslation();
  const location = useLocation();
  const { token } = theme.useToken();
  const menuItems = useMenuItems(user);
  const section = sectionOf(location.pathname);
  return (
    <Layout.Sider
      theme="light"
      width={208}
      collapsedWidth={64}
      breakpoint="lg"
      collapsible
      collapsed={collapsed}
      onBreakpoint={(broken) => {
        onCollapse(broken);
      }}
      trigger={null}
      style={{ borderInlineEnd: `1px solid ${token.colorBorderSecondary}` }}
    >
      <Link to="/dashboard">
        <Flex
          align="center"
          justify={collapsed ? "center" : "flex-start"}
          gap={10}
          style={{ height: 64, paddingInline: collapsed ? 0 : 20 }}
        >
          <img src="/favicon.svg" alt="" width={28} height={28} />
          {!collapsed && (
            <Typography.Text strong style={{ fontSize: 18 }}>
              {t("app.name")}
            </Typography.Text>
          )}
        </Flex>
      </Link>
      <Menu mode="inline" selectedKeys={[section]} items={menuItems} style={{ borderInlineEnd: "none" }} />
    </Layout.Sider>
  );
}
