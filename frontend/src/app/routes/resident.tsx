import { useTranslation } from "react-i18next";
import { ResidentApp } from "@/features/resident/components/resident-app";
import { usePageTitle } from "@/lib/page-title";

export default function ResidentRoute() {
  const { t } = useTranslation();
  usePageTitle(t("residentApp.title"));
  return <ResidentApp />;
}
