import { Card, Tabs } from "antd";
import { useTranslation } from "react-i18next";
import { ApiKeys } from "./api-keys-panel";
import { Areas } from "./areas-panel";
import { Categories } from "./categories-panel";
import { Departments } from "./departments-panel";
import { Projects } from "./projects-panel";
import { Properties } from "./properties-panel";
import { Users } from "./users-panel";

/**
 * The administration screen: one tab per resource, each a ResourcePanel (resource-panel.tsx)
 * configured in its own file.
 */
export function Administration() {
  const { t } = useTranslation();
  return (
    <Card styles={{ body: { paddingTop: 8 } }}>
      <Tabs
        items={[
          { key: "users", label: t("admin.users"), children: <Users /> },
          { key: "departments", label: t("admin.departments"), children: <Departments /> },
          { key: "projects", label: t("admin.projects"), children: <Projects /> },
          { key: "areas", label: t("admin.areas"), children: <Areas /> },
          { key: "properties", label: t("admin.properties"), children: <Properties /> },
          { key: "categories", label: t("admin.categories"), children: <Categories /> },
          { key: "keys", label: t("admin.apiKeys"), children: <ApiKeys /> },
        ]}
      />
    </Card>
  );
}
