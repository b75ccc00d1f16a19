import {
  AlertOutlined,
  AuditOutlined,
  BarChartOutlined,
  DashboardOutlined,
  FieldTimeOutlined,
  FormOutlined,
  HomeOutlined,
  LogoutOutlined,
  MenuFoldOutlined,
  MenuUnfoldOutlined,
  NotificationOutlined,
  MoneyCollectOutlined,
  PhoneOutlined,
  SettingOutlined,
  SwapOutlined,
  TeamOutlined,
} from "@ant-design/icons";
import {
  App as AntApp,
  Avatar,
  Button,
  Dropdown,
  Flex,
  Grid,
  Layout,
  Menu,
  type MenuProps,
  Result,
  Tag,
  theme,
  Typography,
} from "antd";
import { type ReactNode, Suspense, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, Outlet, useLocation, useNavigate } from "react-router-dom";
import { LanguageSwitch } from "@/components/language-switch";
import { NotificationsBell } from "@/features/notifications/components/notifications-bell";
import { type Role, useLogout, useMe } from "@/lib/auth";
import { errorMessage } from "@/lib/problem";
import { ErrorBoundary } from "../error-boundary";
import { PageLoading } from "../page-loading";
import { RouteError } from "../route-error";

type Section =
  | "dashboard"
  | "intake"
  | "queues"
  | "visits"
  | "customers"
  | "statistics"
  | "warnings"
  | "admin"
  | "deadlines"
  | "steward"
  | "notices"
  | "arrears"
  | "handovers";

const SECTIONS: { key: Section; icon: ReactNode; roles?: readonly Role[] }[] = [
  { key: "dashboard", icon: <DashboardOutlined /> },
  { key: "intake", icon: <FormOutlined /> },
  { key: "queues", icon: <AuditOutlined /> },
  { key: "visits", icon: <PhoneOutlined /> },
  { key: "customers", icon: <TeamOutlined /> },
  { key: "statistics", icon: <BarChartOutlined /> },
  // The server enforces permissions; this only hides what the role cannot use.
  { key: "warnings", icon: <AlertOutlined />, roles: ["admin", "manager", "supervisor"] },
  { key: "admin", icon: <SettingOutlined />, roles: ["admin", "manager"] },
  { key: "deadlines", icon: <FieldTimeOutlined />, roles: ["admin", "manager"] },
  { key: "steward", icon: <HomeOutlined />, roles: ["admin", "manager", "supervisor", "steward"] },
  {
    key: "notices",
    icon: <NotificationOutlined />,
    roles: ["admin", "manager", "supervisor", "agent", "steward"],
  },
  { key: "arrears", icon: <MoneyCollectOutlined />, roles: ["admin", "manager", "supervisor", "agent", "steward"] },
  { key: "handovers", icon: <SwapOutlined />, roles: ["admin", "manager", "supervisor", "agent"] },
];

/** Below antd's `lg` breakpoint (992 px, i.e. tablets) the menu collapses to icons. */
const COLLAPSE_BELOW = 992;

export default function AppLayout() {
  const { t } = useTranslation();
  const location = useLocation();
  const navigate = useNavigate();
  const me = useMe();
  const logout = useLogout();
  const { token } = theme.useToken();
  const screens = Grid.useBreakpoint();
  const [collapsed, setCollapsed] = useState(() => window.innerWidth < COLLAPSE_BELOW);

  if (me.isPending) return <PageLoading fullScreen />;
  if (me.isError) {
    return (
      <Result
        status="warning"
        title={errorMessage(me.error, t)}
        extra={
          <Button
            type="primary"
            onClick={() => {
              void me.refetch();
            }}
          >
            {t("common.retry")}
          </Button>
        }
      />
    );
  }
  const user = me.data;

  const first = location.pathname.split("/")[1] ?? "";
  const section = first === "cases" ? "queues" : first;
  const menuItems: MenuProps["items"] = SECTIONS.filter((s) => !s.roles || s.roles.includes(user.role)).map(
    (s) => ({
      key: s.key,
      icon: s.icon,
      label: <Link to={`/${s.key}`}>{t(`nav.${s.key}`)}</Link>,
    }),
  );

  const onLogout = () => {
    logout();
    void navigate("/login", { replace: true });
  };

  return (
    <AntApp component={false}>
      <Layout style={{ minHeight: "100vh" }}>
        <Layout.Sider
          theme="light"
          width={208}
          collapsedWidth={64}
          breakpoint="lg"
          collapsible
          collapsed={collapsed}
          onBreakpoint={(broken) => {
            setCollapsed(broken);
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
          <Menu
            mode="inline"
            selectedKeys={[section]}
            items={menuItems}
            style={{ borderInlineEnd: "none" }}
          />
        </Layout.Sider>
        <Layout>
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
              onClick={() => {
                setCollapsed((c) => !c);
              }}
            />
            <div style={{ flex: 1 }} />
            <LanguageSwitch />
            <NotificationsBell />
            <Dropdown
              trigger={["click"]}
              menu={{
                items: [{ key: "logout", icon: <LogoutOutlined />, label: t("header.logout"), danger: true }],
                onClick: ({ key }) => {
                  if (key === "logout") onLogout();
                },
              }}
            >
              <Button
                type="text"
                aria-label={t("header.account")}
                data-testid="user-menu"
                style={{ height: 40 }}
              >
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
          </Layout.Header>
          <Layout.Content style={{ padding: 24 }}>
            <ErrorBoundary fallback={<RouteError />} resetKey={location.pathname}>
              <Suspense fallback={<PageLoading />}>
                <Outlet />
              </Suspense>
            </ErrorBoundary>
          </Layout.Content>
        </Layout>
      </Layout>
    </AntApp>
  );
}
