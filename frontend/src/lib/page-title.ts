import { useEffect } from "react";
import { useTranslation } from "react-i18next";

/** Sets the browser tab's title to "<title> · 回音" while the calling page is shown. */
export function usePageTitle(title?: string): void {
  const { t } = useTranslation();
  const app = t("app.name");
  useEffect(() => {
    document.title = title ? `${title} · ${app}` : app;
  }, [title, app]);
}
