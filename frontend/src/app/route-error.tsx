import { WarningFilled } from "@ant-design/icons";
import { Button, Flex, theme } from "antd";
import { useTranslation } from "react-i18next";

/**
 * Shown when a route throws while rendering or its code fails to load (e.g. after a deploy).
 * Part of the entry chunk, so it is kept light (antd's Result carries large illustrations).
 */
export function RouteError() {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  return (
    <Flex
      vertical
      align="center"
      justify="center"
      gap="middle"
      style={{ minHeight: "60vh", padding: token.paddingLG }}
    >
      <WarningFilled style={{ fontSize: 64, color: token.colorWarning }} />
      <h2 style={{ margin: 0, fontSize: token.fontSizeHeading3, color: token.colorTextHeading }}>
        {t("routeError.title")}
      </h2>
      <p style={{ margin: 0, color: token.colorTextSecondary, textAlign: "center" }}>
        {t("routeError.subtitle")}
      </p>
      <Button
        type="primary"
        onClick={() => {
          window.location.reload();
        }}
      >
        {t("common.reload")}
      </Button>
    </Flex>
  );
}
