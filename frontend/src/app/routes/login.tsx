import { Flex, theme } from "antd";
import { useTranslation } from "react-i18next";
import { Navigate, useNavigate, useSearchParams } from "react-router-dom";
import { LanguageSwitch } from "@/components/language-switch";
import { LoginForm } from "@/features/auth/components/login-form";
import { usePageTitle } from "@/lib/page-title";
import { safeNext } from "@/lib/safe-next";
import { useSession } from "@/lib/session";

// The login page avoids antd's Card and Typography: they pull in tabs, menus and tooltips,
// which would triple the JavaScript loaded before anyone has logged in.
export default function LoginRoute() {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const session = useSession();
  const next = safeNext(params.get("next"));
  usePageTitle(t("auth.title"));

  if (session) return <Navigate to={next} replace />;

  return (
    <Flex
      vertical
      align="center"
      justify="center"
      gap="large"
      style={{
        minHeight: "100vh",
        padding: token.padding,
        background: `linear-gradient(160deg, ${token.colorPrimaryBg} 0%, ${token.colorBgLayout} 70%)`,
      }}
    >
      <Flex vertical align="center" gap={token.marginXXS}>
        <img src="/favicon.svg" alt="" width={48} height={48} />
        <h1
          style={{
            margin: 0,
            fontSize: token.fontSizeHeading2,
            fontWeight: 600,
            color: token.colorTextHeading,
          }}
        >
          {t("app.fullName")}
        </h1>
        <span style={{ color: token.colorTextSecondary }}>{t("app.motto")}</span>
      </Flex>
      <main
        style={{
          width: "100%",
          maxWidth: 400,
          padding: token.paddingLG,
          background: token.colorBgContainer,
          borderRadius: token.borderRadiusLG,
          boxShadow: token.boxShadowTertiary,
        }}
      >
        <h2
          style={{
            marginTop: 0,
            fontSize: token.fontSizeHeading4,
            fontWeight: 600,
            color: token.colorTextHeading,
          }}
        >
          {t("auth.title")}
        </h2>
        <LoginForm onSuccess={() => void navigate(next, { replace: true })} />
      </main>
      <LanguageSwitch />
    </Flex>
  );
}
