import {
  Alert,
  App,
  Button,
  Card,
  Flex,
  Form,
  Input,
  InputNumber,
  List,
  Popconfirm,
  Select,
  Switch,
  Tabs,
  Tag,
  TreeSelect,
  Typography,
  Upload,
} from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError, errorMessage } from "@/lib/problem";
import { useCategories, useDepartments, useProjects, useUsers } from "@/lib/reference";
import type { Role } from "@/lib/auth";
import type { components } from "@/api/schema";
import {
  type CreateApiKeyBody,
  type CreateAreaBody,
  type CreateCategoryBody,
  type CreateDepartmentBody,
  type CreateProjectBody,
  type CreatePropertyBody,
  type CreateUserBody,
  useAdminUsers,
  useApiKeys,
  useAreaList,
  useCreateApiKey,
  useCreateArea,
  useCreateCategory,
  useCreateDepartment,
  useCreateProject,
  useCreateProperty,
  useCreateUser,
  useImportProperties,
  usePropertyList,
  useRevokeApiKey,
  useSetUserActive,
  useUpdateArea,
  useUpdateCategory,
  useUpdateDepartment,
  useUpdateProject,
  useUpdateProperty,
  useUpdateUser,
} from "../api/admin";
import { pick } from "../utils/changes";
import { ResourcePanel } from "./resource-panel";

type Schemas = components["schemas"];

const ROLES: readonly Role[] = ["admin", "manager", "supervisor", "agent", "steward", "handler"];
const SCOPES: readonly Schemas["ApiScope"][] = ["stats:read", "cases:read", "webhooks:manage", "pii:read"];

function useRequired() {
  const { t } = useTranslation();
  return [{ required: true, message: t("common.required") }];
}

const options = (items: { id: string; name: string }[] | undefined) =>
  items?.map((x) => ({ value: x.id, label: x.name }));

function ProjectFilter({ value, onChange }: { value?: string; onChange: (id?: string) => void }) {
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

function Users() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [q, setQ] = useState("");
  const users = useAdminUsers(q);
  const departments = useDepartments();
  const projects = useProjects();
  const create = useCreateUser();
  const update = useUpdateUser();
  const setActive = useSetUserActive();
  const required = useRequired();
  return (
    <ResourcePanel<Schemas["UserResponse"], CreateUserBody>
      name="users"
      title={t("admin.users")}
      rows={users.data?.items}
      loading={users.isFetching}
      error={users.error}
      reload={users.refetch}
      search={{ value: q, onChange: setQ }}
      createInitial={{ role: "agent" }}
      onCreate={(v) => create.mutateAsync(v)}
      toForm={(u) => ({
        username: u.username,
        password: "",
        display_name: u.display_name,
        role: u.role,
        department_id: u.department_id,
        phone: u.phone,
        project_ids: u.project_ids,
      })}
      onUpdate={(u, changes) =>
        update.mutateAsync({
          id: u.id,
          version: u.version,
          body: pick(changes, ["display_name", "role", "department_id", "phone", "project_ids"]),
        })
      }
      fields={(mode) => (
        <>
          {mode === "create" && (
            <>
              <Form.Item name="username" label={t("admin.username")} rules={required}>
                <Input autoComplete="off" />
              </Form.Item>
              <Form.Item name="password" label={t("admin.password")} rules={required}>
                <Input.Password autoComplete="new-password" />
              </Form.Item>
            </>
          )}
          <Form.Item name="display_name" label={t("admin.displayName")} rules={required}>
            <Input />
          </Form.Item>
          <Form.Item name="role" label={t("admin.role")} rules={required}>
            <Select options={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))} />
          </Form.Item>
          <Form.Item name="department_id" label={t("admin.department")}>
            <Select allowClear options={options(departments.data?.items)} />
          </Form.Item>
          <Form.Item name="phone" label={t("admin.phone")}>
            <Input inputMode="tel" />
          </Form.Item>
          <Form.Item name="project_ids" label={t("admin.projects")}>
            <Select
              mode="multiple"
              allowClear
              optionFilterProp="label"
              options={options(projects.data?.items)}
            />
          </Form.Item>
        </>
      )}
      columns={[
        { key: "username", title: t("admin.username"), dataIndex: "username" },
        { key: "name", title: t("admin.displayName"), dataIndex: "display_name" },
        { key: "role", title: t("admin.role"), render: (_, u) => t(`roles.${u.role}`) },
        {
          key: "dep",
          title: t("admin.department"),
          render: (_, u) => departments.data?.items.find((d) => d.id === u.department_id)?.name ?? "—",
        },
        {
          key: "active",
          title: t("admin.active"),
          render: (_, u) => (
            <Tag color={u.active ? "green" : "default"}>{u.active ? t("common.yes") : t("common.no")}</Tag>
          ),
        },
      ]}
      rowActions={(u) => (
        <Popconfirm
          title={u.active ? t("admin.deactivate") : t("admin.activate")}
          description={u.display_name}
          okText={t("common.yes")}
          cancelText={t("common.no")}
          onConfirm={() => {
            setActive.mutate(
              { id: u.id, version: u.version, active: !u.active },
              {
                onError: (error) => {
                  void message.error(errorMessage(error, t));
                },
              },
            );
          }}
        >
          <Button size="small" danger={u.active}>
            {u.active ? t("admin.deactivate") : t("admin.activate")}
          </Button>
        </Popconfirm>
      )}
    />
  );
}

function Departments() {
  const { t } = useTranslation();
  const departments = useDepartments();
  const create = useCreateDepartment();
  const update = useUpdateDepartment();
  const required = useRequired();
  return (
    <ResourcePanel<Schemas["DepartmentResponse"], CreateDepartmentBody>
      name="departments"
      title={t("admin.departments")}
      rows={departments.data?.items}
      loading={departments.isFetching}
      error={departments.error}
      reload={departments.refetch}
      onCreate={(v) => create.mutateAsync(v)}
      toForm={(d) => ({ name: d.name, kind: d.kind })}
      onUpdate={(d, body) => update.mutateAsync({ id: d.id, version: d.version, body })}
      fields={() => (
        <>
          <Form.Item name="name" label={t("common.name")} rules={required}>
            <Input />
          </Form.Item>
          <Form.Item name="kind" label={t("admin.kind")} rules={required}>
            <Input placeholder="engineering" />
          </Form.Item>
        </>
      )}
      columns={[
        { key: "name", title: t("common.name"), dataIndex: "name" },
        { key: "kind", title: t("admin.kind"), dataIndex: "kind" },
      ]}
    />
  );
}

function Projects() {
  const { t } = useTranslation();
  const projects = useProjects();
  const create = useCreateProject();
  const update = useUpdateProject();
  const required = useRequired();
  return (
    <ResourcePanel<Schemas["ProjectResponse"], CreateProjectBody>
      name="projects"
      title={t("admin.projects")}
      rows={projects.data?.items}
      loading={projects.isFetching}
      error={projects.error}
      reload={projects.refetch}
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
    />
  );
}

function Areas() {
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
      rows={areas.data?.items}
      loading={areas.isFetching}
      error={areas.error}
      reload={areas.refetch}
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

/** Property CSV import; a 422 lists the bad lines. */
function PropertyImport({ projectId }: { projectId?: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const importer = useImportProperties();
  const [csv, setCsv] = useState("building,unit,room,area_code\n");
  const [lineErrors, setLineErrors] = useState<{ line: string; errors: string[] }[]>([]);
  const run = () => {
    if (!projectId) return;
    setLineErrors([]);
    importer.mutate(
      { projectId, csv },
      {
        onSuccess: (result) => {
          void message.success(t("admin.importDone", { count: result.created }));
        },
        onError: (error) => {
          if (error instanceof ApiError && error.problem?.errors) {
            setLineErrors(Object.entries(error.problem.errors).map(([line, errors]) => ({ line, errors })));
          } else void message.error(errorMessage(error, t));
        },
      },
    );
  };
  return (
    <Card size="small" title={t("admin.import")}>
      <Input.TextArea
        rows={4}
        value={csv}
        onChange={(e) => {
          setCsv(e.target.value);
        }}
        style={{ fontFamily: "monospace" }}
      />
      <Flex gap="small" wrap style={{ marginTop: 8 }}>
        <Upload
          accept=".csv,text/csv"
          showUploadList={false}
          beforeUpload={(file) => {
            void file.text().then(setCsv);
            return false;
          }}
        >
          <Button>CSV…</Button>
        </Upload>
        <Button type="primary" disabled={!projectId} loading={importer.isPending} onClick={run}>
          {t("admin.import")}
        </Button>
      </Flex>
      {lineErrors.length > 0 && (
        <Alert
          style={{ marginTop: 12 }}
          type="error"
          message={t("admin.importErrors")}
          description={
            <List
              size="small"
              dataSource={lineErrors}
              renderItem={(e) => (
                <List.Item>
                  <Typography.Text strong>{e.line}</Typography.Text>: {e.errors.join("; ")}
                </List.Item>
              )}
            />
          }
        />
      )}
    </Card>
  );
}

function Properties() {
  const { t } = useTranslation();
  const [projectId, setProjectId] = useState<string>();
  const [q, setQ] = useState("");
  const properties = usePropertyList(projectId, q);
  const areas = useAreaList(projectId, Boolean(projectId));
  const create = useCreateProperty();
  const update = useUpdateProperty();
  const required = useRequired();
  return (
    <Flex vertical gap="middle">
      <ResourcePanel<Schemas["PropertyResponse"], CreatePropertyBody>
        name="properties"
        title={t("admin.properties")}
        rows={projectId ? properties.data?.items : []}
        loading={Boolean(projectId) && properties.isFetching}
        error={properties.error}
        reload={properties.refetch}
        toolbar={<ProjectFilter value={projectId} onChange={setProjectId} />}
        search={{ value: q, onChange: setQ }}
        emptyText={projectId ? undefined : t("admin.chooseProject")}
        canCreate={Boolean(projectId)}
        onCreate={(v) => create.mutateAsync({ ...v, project_id: projectId ?? "" })}
        toForm={(p) => ({
          project_id: p.project_id,
          building: p.building,
          unit: p.unit,
          room: p.room,
          area_id: p.area_id,
        })}
        onUpdate={(p, changes) =>
          update.mutateAsync({
            id: p.id,
            version: p.version,
            body: pick(changes, ["building", "unit", "room", "area_id"]),
          })
        }
        fields={() => (
          <>
            <Form.Item name="building" label={t("admin.building")} rules={required}>
              <Input />
            </Form.Item>
            <Form.Item name="unit" label={t("admin.unit")} rules={required}>
              <Input />
            </Form.Item>
            <Form.Item name="room" label={t("admin.room")} rules={required}>
              <Input />
            </Form.Item>
            <Form.Item name="area_id" label={t("admin.area")}>
              <Select allowClear options={options(areas.data?.items)} />
            </Form.Item>
          </>
        )}
        columns={[
          { key: "b", title: t("admin.building"), dataIndex: "building" },
          { key: "u", title: t("admin.unit"), dataIndex: "unit" },
          { key: "r", title: t("admin.room"), dataIndex: "room" },
          {
            key: "a",
            title: t("admin.area"),
            render: (_, p) => areas.data?.items.find((a) => a.id === p.area_id)?.name ?? "—",
          },
        ]}
      />
      <PropertyImport projectId={projectId} />
    </Flex>
  );
}

type CategoryForm = CreateCategoryBody & { active?: boolean };

function Categories() {
  const { t, i18n } = useTranslation();
  const categories = useCategories();
  const create = useCreateCategory();
  const update = useUpdateCategory();
  const required = useRequired();
  const items = categories.data?.items ?? [];
  const english = i18n.resolvedLanguage === "en";
  const label = (c: { name: string; name_en: string }) => (english ? c.name_en : c.name);
  return (
    <ResourcePanel<Schemas["CategoryResponse"], CategoryForm>
      name="categories"
      title={t("admin.categories")}
      rows={categories.data?.items}
      loading={categories.isFetching}
      error={categories.error}
      reload={categories.refetch}
      onCreate={(v) => create.mutateAsync(pick(v, ["code", "name", "name_en", "parent_id", "position"]))}
      toForm={(c) => ({
        code: c.code,
        name: c.name,
        name_en: c.name_en,
        parent_id: c.parent_id,
        position: c.position,
        active: c.active,
      })}
      onUpdate={(c, changes) =>
        update.mutateAsync({
          id: c.id,
          version: c.version,
          body: pick(changes, ["name", "name_en", "position", "active"]),
        })
      }
      fields={(mode) => (
        <>
          {mode === "create" && (
            <Form.Item name="code" label={t("admin.code")} rules={required}>
              <Input />
            </Form.Item>
          )}
          <Form.Item name="name" label={t("common.name")} rules={required}>
            <Input />
          </Form.Item>
          <Form.Item name="name_en" label={t("admin.nameEn")} rules={required}>
            <Input />
          </Form.Item>
          {mode === "create" && (
            <Form.Item name="parent_id" label={t("admin.parent")}>
              <TreeSelect
                allowClear
                treeData={items.filter((c) => !c.parent_id).map((c) => ({ value: c.id, title: label(c) }))}
              />
            </Form.Item>
          )}
          <Form.Item name="position" label={t("admin.position")}>
            <InputNumber min={0} />
          </Form.Item>
          {mode === "edit" && (
            <Form.Item name="active" label={t("admin.active")} valuePropName="checked">
              <Switch />
            </Form.Item>
          )}
        </>
      )}
      columns={[
        { key: "code", title: t("admin.code"), dataIndex: "code" },
        { key: "name", title: t("common.name"), render: (_, c) => label(c) },
        {
          key: "parent",
          title: t("admin.parent"),
          render: (_, c) => {
            const parent = items.find((x) => x.id === c.parent_id);
            return parent ? label(parent) : "—";
          },
        },
        {
          key: "active",
          title: t("admin.active"),
          render: (_, c) => (
            <Tag color={c.active ? "green" : "default"}>{c.active ? t("common.yes") : t("common.no")}</Tag>
          ),
        },
      ]}
    />
  );
}

function ApiKeys() {
  const { t } = useTranslation();
  const keys = useApiKeys();
  const create = useCreateApiKey();
  const revoke = useRevokeApiKey();
  const [secret, setSecret] = useState<string | null>(null);
  const required = useRequired();
  return (
    <Flex vertical gap="small">
      {secret && (
        <Alert
          type="warning"
          showIcon
          closable
          onClose={() => {
            setSecret(null);
          }}
          message={t("admin.secretOnce")}
          description={
            <Typography.Text code copyable data-testid="api-key-secret">
              {secret}
            </Typography.Text>
          }
        />
      )}
      <ResourcePanel<Schemas["ApiKeyResponse"], CreateApiKeyBody>
        name="keys"
        title={t("admin.apiKeys")}
        rows={keys.data?.items}
        loading={keys.isFetching}
        error={keys.error}
        reload={keys.refetch}
        createInitial={{ scopes: ["stats:read"] }}
        onCreate={(v) =>
          create.mutateAsync(v).then((created) => {
            setSecret(created.key);
          })
        }
        fields={() => (
          <>
            <Form.Item name="name" label={t("common.name")} rules={required}>
              <Input />
            </Form.Item>
            <Form.Item name="scopes" label={t("admin.scopes")} rules={required}>
              <Select mode="multiple" options={SCOPES.map((s) => ({ value: s, label: s }))} />
            </Form.Item>
          </>
        )}
        columns={[
          { key: "name", title: t("common.name"), dataIndex: "name" },
          {
            key: "prefix",
            title: t("admin.prefix"),
            render: (_, k) => <Typography.Text code>{k.prefix}</Typography.Text>,
          },
          {
            key: "scopes",
            title: t("admin.scopes"),
            render: (_, k) => k.scopes.map((s) => <Tag key={s}>{s}</Tag>),
          },
        ]}
        rowActions={(k) =>
          k.revoked_at ? (
            <Tag>{t("admin.revoked")}</Tag>
          ) : (
            <Popconfirm
              title={t("admin.revoke")}
              description={k.name}
              okText={t("common.yes")}
              cancelText={t("common.no")}
              onConfirm={() => {
                revoke.mutate(k.id);
              }}
            >
              <Button size="small" danger>
                {t("admin.revoke")}
              </Button>
            </Popconfirm>
          )
        }
      />
    </Flex>
  );
}

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
