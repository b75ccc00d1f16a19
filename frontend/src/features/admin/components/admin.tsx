import { Card, Tabs } from "antd";
import { useTranslation } from "react-i18next";
import { useCan } from "@/lib/permissions";
import { ApiKeys } from "./api-keys-panel";
import { Areas } from "./areas-panel";
import { Categories } from "./categories-panel";
import { Departments } from "./departments-panel";
import { Projects } from "./projects-panel";
import { Properties } from "./properties-panel";
import { Users } from "./users-panel";

/**
 * The administration screen: one tab per resource, each a ResourcePanel (resource-panel.tsx)
 * configured in its own file. Tabs and editors follow the user's permissions (`GET /api/v1/me`):
 * users with `user_manage`, API keys with `api_key_manage`, the categories tree is read-only
 * without `category_manage`.
 */
export function Administration() {
  const { t } = useTranslation();
  const can = useCan();
  const tabs = [
    ...(can("user_manage") ? [{ key: "users", label: t("admin.users"), children: <Users /> }] : []),
    { key: "departments", label: t("admin.departments"), children: <Departments /> },
    { key: "projects", label: t("admin.projects"), children: <Projects /> },
    { key: "areas", label: t("admin.areas"), children: <Areas /> },
    { key: "properties", label: t("admin.properties"), children: <Properties /> },
    {
      key: "categories",
      label: t("admin.categories"),
      children: <Categories editable={can("category_manage")} />,
    },
    ...(can("api_key_manage") ? [{ key: "keys", label: t("admin.apiKeys"), children: <ApiKeys /> }] : []),
  ];
  return (
    <Card styles={{ body: { paddingTop: 8 } }}>
      <Tabs items={tabs} />
    </Card>
  );
}
