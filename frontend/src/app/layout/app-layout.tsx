import { App as AntApp, Button, Layout, Result } from "antd";
import { Suspense, useState } from "react";
import { useTranslation } from "react-i18next";
import { useLocation } from "react-router-dom";
import { useMe } from "@/lib/auth";
import { errorMessage } from "@/lib/problem";
import { ErrorBoundary } from "../error-boundary";
import { PageLoading } from "../page-loading";
import { RouteError } from "../route-error";
import { SectionRoutes } from "../section-routes";
import { AppHeader } from "./app-header";
import { SideNav } from "./side-nav";

/** Below antd's `lg` breakpoint (992 px, i.e. tablets) the menu collapses to icons. */
const COLLAPSE_BELOW = 992;

export default function AppLayout() {
  const { t } = useTranslation();
  const location = useLocation();
  const me = useMe();
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

  return (
    <AntApp component={false}>
      <Layout style={{ minHeight: "100vh" }}>
        <SideNav user={user} collapsed={collapsed} onCollapse={setCollapsed} />
        <Layout>
          <AppHeader
            user={user}
            collapsed={collapsed}
            onToggle={() => {
              setCollapsed((c) => !c);
            }}
          />
          <Layout.Content style={{ padding: 24 }}>
            <ErrorBoundary fallback={<RouteError />} resetKey={location.pathname}>
              <Suspense fallback={<PageLoading />}>
                <SectionRoutes />
              </Suspense>
            </ErrorBoundary>
          </Layout.Content>
        </Layout>
      </Layout>
    </AntApp>
  );
}
