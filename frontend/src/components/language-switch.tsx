import { Segmented } from "antd";
import { useTranslation } from "react-i18next";
import { changeLanguage, isLanguage, LANGUAGES } from "@/i18n/i18n";

/**
 * 中文 | English. Each language is named in itself, so the switch is found whatever is shown;
 * the choice is remembered in this browser.
 */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const current = isLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : "zh-CN";
  return (
    <Segmented
      size="small"
      aria-label={t("header.language")}
      data-testid="language-switch"
      value={current}
      options={LANGUAGES.map((lng) => ({ value: lng, label: t(`language.${lng}`) }))}
      onChange={(value) => {
        if (isLanguage(value)) void changeLanguage(value);
      }}
    />
  );
}
