import { Button, Form, Input } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { components } from "@/api/schema";
import { useProjects } from "@/lib/reference";
import { type CreateProjectBody, useCreateProject } from "../api/create-project";
import { useUpdateProject } from "../api/update-project";
import { useRequired } from "../utils/form";
import { ResourcePanel } from "./resource-panel";
import { VisitSettingsDialog } from "./visit-settings";

type Schemas = components["schemas"];

export function Projects() {
  const { t } = useTranslation();
  const projects = useProjects();
  const create = useCreateProject();
  const update = useUpdateProject();
  const required = useRequired();
  const [visits, setVisits] = useState<Schemas["ProjectResponse"] | null>(null);
  return (
    <>
      <ResourcePanel<Schemas["ProjectResponse"], CreateProjectBody>
        name="projects"
        title={t("admin.projects")}
        list={projects}
        onCreate={(v) => create.mutateAsync(v)}
        toForm={(p) => ({ name: p.name, code: p.code, address: p.address })}
        onUpdate={(p, body) => update.mutateAsync({ id: p.id, version: p.version, body })}
        fields={() => (
          <>
            <Form.Item name="name" label={t("common.name")} rules={required}>
              <Input />
            </Form.Item>
            <Form.Item name="code" label={t("admin.code")} rules={required}>
              <Input placeholder="CHHY" />
            </Form.Item>
            <Form.Item name="address" label={t("admin.address")} rules={required}>
              <Input />
            </Form.Item>
          </>
        )}
        columns={[
          { key: "name", title: t("common.name"), dataIndex: "name" },
          { key: "code", title: t("admin.code"), dataIndex: "code" },
          { key: "address", title: t("admin.address"), dataIndex: "address" },
        ]}
        rowActions={(p) => (
          <Button
            size="small"
            data-testid="admin-projects-visit-settings"
            onClick={() => {
              setVisits(p);
            }}
          >
            {t("visitSettings.open")}
          </Button>
        )}
      />
      {visits && (
        <VisitSettingsDialog
          projectId={visits.id}
          projectName={visits.name}
          onClose={() => {
            setVisits(null);
          }}
        />
      )}
    </>
  );
}
