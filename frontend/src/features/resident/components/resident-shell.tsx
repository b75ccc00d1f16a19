import { Button, Space, Typography } from "antd";
import { type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { LanguageSwitch } from "@/components/language-switch";
import { logoutResident } from "../api/logout-resident";
import { useResidentToken } from "../api/session";

/** The mobile page's frame: title, language, and "log out" once logged in. */
export function ResidentShell({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const token = useResidentToken();
  return (
    <div style={{ maxWidth: 480, margin: "0 auto", padding: 12, minHeight: "100vh" }}>
      <Space style={{ width: "100%", justifyContent: "space-between", marginBottom: 12 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t("residentApp.title")}
        </Typography.Title>
        <Space>
          <LanguageSwitch />
          {token && (
            <Button size="small" onClick={logoutResident} data-testid="resident-logout">
              {t("residentApp.logout")}
            </Button>
          )}
        </Space>
      </Space>
      {children}
    </div>
  );
}
