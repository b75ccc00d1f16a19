import { Form, Input, Select } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { components } from "@/api/schema";
import { useProjects, useUsers } from "@/lib/reference";
import { type CreateAreaBody, useCreateArea } from "../api/create-area";
import { useAreaList } from "../api/areas";
import { useUpdateArea } from "../api/update-area";
import { pick } from "../utils/changes";
import { options, useRequired } from "../utils/form";
import { ProjectFilter } from "./project-filter";
import { ResourcePanel } from "./resource-panel";

type Schemas = components["schemas"];

export function Areas() {
  const { t } = useTranslation();
  const [projectId, setProjectId] = useState<string>();
  const areas = useAreaList(projectId);
  const projects = useProjects();
  const users = useUsers();
  const create = useCreateArea();
  const update = useUpdateArea();
  const required = useRequired();
  const stewards = users.data?.items
    .filter((u) => u.role === "steward")
    .map((u) => ({ value: u.id, label: u.display_name }));
  const nameOf = (list: { id: string; name: string }[] | undefined, id?: string | null) =>
    list?.find((x) => x.id === id)?.name ?? "—";
  return (
    <ResourcePanel<Schemas["AreaResponse"], CreateAreaBody>
      name="areas"
      title={t("admin.areas")}
      list={areas}
      toolbar={<ProjectFilter value={projectId} onChange={setProjectId} />}
      createInitial={{ project_id: projectId }}
      onCreate={(v) => create.mutateAsync(v)}
      toForm={(a) => ({ project_id: a.project_id, name: a.name, code: a.code, steward_id: a.steward_id })}
      onUpdate={(a, changes) =>
        update.mutateAsync({
          id: a.id,
          version: a.version,
          body: pick(changes, ["name", "code", "steward_id"]),
        })
      }
      fields={(mode) => (
        <>
          {mode === "create" && (
            <Form.Item name="project_id" label={t("admin.project")} rules={required}>
              <Select options={options(projects.data?.items)} />
            </Form.Item>
          )}
          <Form.Item name="name" label={t("common.name")} rules={required}>
            <Input />
          </Form.Item>
          <Form.Item name="code" label={t("admin.code")} extra={t("admin.areaCodeHelp")}>
            <Input placeholder="A1" />
          </Form.Item>
          <Form.Item name="steward_id" label={t("admin.steward")}>
            <Select allowClear showSearch optionFilterProp="label" options={stewards} />
          </Form.Item>
        </>
      )}
      columns={[
        { key: "name", title: t("common.name"), dataIndex: "name" },
        { key: "code", title: t("admin.code"), render: (_, a) => a.code ?? "—" },
        {
          key: "project",
          title: t("admin.project"),
          render: (_, a) => nameOf(projects.data?.items, a.project_id),
        },
        {
          key: "steward",
          title: t("admin.steward"),
          render: (_, a) => users.data?.items.find((u) => u.id === a.steward_id)?.display_name ?? "—",
        },
      ]}
    />
  );
}
