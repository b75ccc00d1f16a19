import { useTranslation } from "react-i18next";

/** Picks the text of the UI language from a server value given in both (`{ zh, en }`). */
export function useBilingual() {
  const { i18n } = useTranslation();
  return (text: { zh: string; en: string }) => (i18n.resolvedLanguage === "en" ? text.en : text.zh);
}
