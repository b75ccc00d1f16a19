import { useTranslation } from "react-i18next";
import { Dashboard } from "@/features/dashboard/components/dashboard";
import { useMe } from "@/lib/auth";
import { usePageTitle } from "@/lib/page-title";

export default function DashboardRoute() {
  const { t } = useTranslation();
  const me = useMe();
  usePageTitle(t("nav.dashboard"));
  // The layout only renders its pages once the user is loaded.
  return me.data ? <Dashboard user={me.data} /> : null;
}
