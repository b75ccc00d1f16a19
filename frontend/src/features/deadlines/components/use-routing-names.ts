import { useTranslation } from "react-i18next";
import { useCategories, useDepartments, useProjects } from "@/lib/reference";

/** Names of the projects, categories and departments the table and the form show. */
export function useRoutingNames() {
  const { i18n } = useTranslation();
  const projects = useProjects();
  const categories = useCategories();
  const departments = useDepartments();
  const english = i18n.resolvedLanguage === "en";
  return {
    projects: projects.data?.items ?? [],
    categories: (categories.data?.items ?? []).map((c) => ({
      id: c.id,
      name: english ? c.name_en : c.name,
      active: c.active,
    })),
    departments: departments.data?.items ?? [],
  };
}
