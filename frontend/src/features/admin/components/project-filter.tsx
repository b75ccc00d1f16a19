import { Select } from "antd";
import { useTranslation } from "react-i18next";
import { useProjects } from "@/lib/reference";
import { options } from "../utils/form";

/** Chooses the project whose rows a panel lists; cleared, all of them. */
export function ProjectFilter({ value, onChange }: { value?: string; onChange: (id?: string) => void }) {
  const { t } = useTranslation();
  const projects = useProjects();
  return (
    <Select
      allowClear
      placeholder={t("admin.project")}
      style={{ width: 220, maxWidth: "100%" }}
      value={value}
      onChange={onChange}
      loading={projects.isPending}
      options={options(projects.data?.items)}
      data-testid="admin-project-filter"
    />
  );
}
