import { type QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { ConfigProvider, Empty } from "antd";
// The ES-module locales, like the components: the build's CommonJS interop of `antd/locale/*`
// left the date pickers with English placeholders ("Start date", "Select month") in zh-CN, which
// the Playwright walk found.
import enUS from "antd/es/locale/en_US";
import zhCN from "antd/es/locale/zh_CN";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";

interface AppProviderProps {
  queryClient: QueryClient;
  children: ReactNode;
}

/**
 * Everything a screen needs around it: antd in the current language, React Query.
 * (antd's <App> — message, notification, modal — is added by the signed-in layout, so the
 * login page does not load it.)
 */
export function AppProvider({ queryClient, children }: AppProviderProps) {
  const { i18n, t } = useTranslation();
  const locale = i18n.resolvedLanguage === "en" ? enUS : zhCN;
  return (
    <ConfigProvider
      locale={locale}
      // Every empty table, list and select says so in the user's language, with our own words:
      // the Playwright walk found antd's English "No data" under a scrolling table despite the locale.
      renderEmpty={() => <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("common.noData")} />}
    >
      <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
    </ConfigProvider>
  );
}
