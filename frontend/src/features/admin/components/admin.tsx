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
  Modal,
  Popconfirm,
  Select,
  Table,
  Tabs,
  Tag,
  TreeSelect,
  Typography,
  Upload,
} from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError, applyFieldErrors, errorMessage } from "@/lib/problem";
import { useCategories, useDepartments, useProjects } from "@/lib/reference";
import type { Role } from "@/lib/auth";
import type { components } from "@/api/schema";
import {
  type CreateApiKeyBody,
  type CreateCategoryBody,
  type CreateDepartmentBody,
  type CreateUserBody,
  useAdminUsers,
  useApiKeys,
  useCreateApiKey,
  useCreateCategory,
  useCreateDepartment,
  useCreateUser,
  useImportProperties,
  usePropertyList,
  useRevokeApiKey,
  useSetUserActive,
} from "../api/admin";

const ROLES: readonly Role[] = ["admin", "manager", "supervisor", "agent", "steward", "handler"];
const SCOPES: readonly components["schemas"]["ApiScope"][] = [
  "stats:read",
  "cases:read",
  "webhooks:manage",
  "pii:read",
];

/** A "New" button opening a modal form; server field errors land on the fields. */
function CreateModal<T extends object>({
  title,
  children,
  onCreate,
  initialValues,
}: {
  title: string;
  children: React.ReactNode;
  onCreate: (values: T) => Promise<unknown>;
  initialValues?: Partial<T>;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<T>();
  return (
    <>
      <Button
        type="primary"
        onClick={() => {
          setOpen(true);
        }}
      >
        {t("common.create")}
      </Button>
      <Modal
        open={open}
        title={title}
        okText={t("common.save")}
        cancelText={t("common.cancel")}
        confirmLoading={busy}
        onOk={() => {
          form.submit();
        }}
        onCancel={() => {
          setOpen(false);
        }}
        destroyOnHidden
      >
        <Form<T>
          form={form}
          layout="vertical"
          initialValues={initialValues}
          onFinish={(values) => {
            setBusy(true);
            onCreate(values)
              .then(() => {
                setOpen(false);
                form.resetFields();
              })
              .catch((error: unknown) => {
                const rest = applyFieldErrors(form, error);
                void message.error([errorMessage(error, t), ...rest.flatMap((r) => r.errors)].join(" "));
              })
              .finally(() => {
                setBusy(false);
              });
          }}
        >
          {children}
        </Form>
      </Modal>
    </>
  );
}

function Users() {
  const { t } = useTranslation();
  const users = useAdminUsers();
  const departments = useDepartments();
  const create = useCreateUser();
  const setActive = useSetUserActive();
  const { message } = App.useApp();
  const required = [{ required: true, message: t("common.required") }];
  return (
    <Flex vertical gap="small">
      <Flex justify="end">
        <CreateModal<CreateUserBody>
          title={t("admin.users")}
          onCreate={(v) => create.mutateAsync(v)}
          initialValues={{ role: "agent" }}
        >
          <Form.Item name="username" label={t("admin.username")} rules={required}>
            <Input />
          </Form.Item>
          <Form.Item name="display_name" label={t("admin.displayName")} rules={required}>
            <Input />
          </Form.Item>
          <Form.Item name="password" label={t("admin.password")} rules={required}>
            <Input.Password />
          </Form.Item>
          <Form.Item name="role" label={t("admin.role")} rules={required}>
            <Select options={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))} />
          </Form.Item>
          <Form.Item name="department_id" label={t("admin.department")}>
            <Select
              allowClear
              options={departments.data?.items.map((d) => ({ value: d.id, label: d.name }))}
            />
          </Form.Item>
        </CreateModal>
      </Flex>
      <Table
        rowKey="id"
        size="small"
        loading={users.isPending}
        dataSource={users.data?.items}
        pagination={false}
        scroll={{ x: 640 }}
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
              <Flex gap="small" align="center">
                <Tag color={u.active ? "green" : "default"}>
                  {u.active ? t("common.yes") : t("common.no")}
                </Tag>
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
              </Flex>
            ),
          },
        ]}
      />
    </Flex>
  );
}

function Departments() {
  const { t } = useTranslation();
  const departments = useDepartments();
  const create = useCreateDepartment();
  const required = [{ required: true, message: t("common.required") }];
  return (
    <Flex vertical gap="small">
      <Flex justify="end">
        <CreateModal<CreateDepartmentBody>
          title={t("admin.departments")}
          onCreate={(v) => create.mutateAsync(v)}
        >
          <Form.Item name="name" label={t("common.name")} rules={required}>
            <Input />
          </Form.Item>
          <Form.Item name="kind" label={t("admin.code")} rules={required}>
            <Input placeholder="engineering" />
          </Form.Item>
        </CreateModal>
      </Flex>
      <Table
        rowKey="id"
        size="small"
        loading={departments.isPending}
        dataSource={departments.data?.items}
        pagination={false}
        columns={[
          { key: "name", title: t("common.name"), dataIndex: "name" },
          { key: "kind", title: t("admin.code"), dataIndex: "kind" },
        ]}
      />
    </Flex>
  );
}

function Properties() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const projects = useProjects();
  const [projectId, setProjectId] = useState<string>();
  const properties = usePropertyList(projectId);
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
    <Flex vertical gap="middle">
      <Select
        placeholder={t("admin.project")}
        style={{ width: 240 }}
        value={projectId}
        onChange={setProjectId}
        options={projects.data?.items.map((p) => ({ value: p.id, label: p.name }))}
      />
      <Card size="small" title={t("admin.import")}>
        <Input.TextArea
          rows={6}
          value={csv}
          onChange={(e) => {
            setCsv(e.target.value);
          }}
          style={{ fontFamily: "monospace" }}
        />
        <Flex gap="small" style={{ marginTop: 8 }}>
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
      <Table
        rowKey="id"
        size="small"
        loading={Boolean(projectId) && properties.isPending}
        dataSource={properties.data?.items}
        pagination={{ pageSize: 20 }}
        columns={[
          { key: "b", title: t("admin.building"), dataIndex: "building" },
          { key: "u", title: t("admin.unit"), dataIndex: "unit" },
          { key: "r", title: t("admin.room"), dataIndex: "room" },
        ]}
      />
    </Flex>
  );
}

function Categories() {
  const { t, i18n } = useTranslation();
  const categories = useCategories();
  const create = useCreateCategory();
  const required = [{ required: true, message: t("common.required") }];
  const items = categories.data?.items ?? [];
  const english = i18n.resolvedLanguage === "en";
  const nameOf = (id?: string | null) => {
    const c = items.find((x) => x.id === id);
    return c ? (english ? c.name_en : c.name) : "—";
  };
  return (
    <Flex vertical gap="small">
      <Flex justify="end">
        <CreateModal<CreateCategoryBody>
          title={t("admin.categories")}
          onCreate={(v) => create.mutateAsync(v)}
        >
          <Form.Item name="code" label={t("admin.code")} rules={required}>
            <Input />
          </Form.Item>
          <Form.Item name="name" label={t("common.name")} rules={required}>
            <Input />
          </Form.Item>
          <Form.Item name="name_en" label={t("admin.nameEn")} rules={required}>
            <Input />
          </Form.Item>
          <Form.Item name="parent_id" label={t("admin.parent")}>
            <TreeSelect
              allowClear
              treeData={items
                .filter((c) => !c.parent_id)
                .map((c) => ({ value: c.id, title: english ? c.name_en : c.name }))}
            />
          </Form.Item>
          <Form.Item name="position" label="#">
            <InputNumber min={0} />
          </Form.Item>
        </CreateModal>
      </Flex>
      <Table
        rowKey="id"
        size="small"
        loading={categories.isPending}
        dataSource={items}
        pagination={false}
        columns={[
          { key: "code", title: t("admin.code"), dataIndex: "code" },
          { key: "name", title: t("common.name"), render: (_, c) => (english ? c.name_en : c.name) },
          { key: "parent", title: t("admin.parent"), render: (_, c) => nameOf(c.parent_id) },
        ]}
      />
    </Flex>
  );
}

function ApiKeys() {
  const { t } = useTranslation();
  const keys = useApiKeys();
  const create = useCreateApiKey();
  const revoke = useRevokeApiKey();
  const [secret, setSecret] = useState<string | null>(null);
  const required = [{ required: true, message: t("common.required") }];
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
      <Flex justify="end">
        <CreateModal<CreateApiKeyBody>
          title={t("admin.apiKeys")}
          initialValues={{ scopes: ["stats:read"] }}
          onCreate={(v) =>
            create.mutateAsync(v).then((created) => {
              setSecret(created.key);
            })
          }
        >
          <Form.Item name="name" label={t("common.name")} rules={required}>
            <Input />
          </Form.Item>
          <Form.Item name="scopes" label={t("admin.scopes")} rules={required}>
            <Select mode="multiple" options={SCOPES.map((s) => ({ value: s, label: s }))} />
          </Form.Item>
        </CreateModal>
      </Flex>
      <Table
        rowKey="id"
        size="small"
        loading={keys.isPending}
        dataSource={keys.data?.items}
        pagination={false}
        scroll={{ x: 600 }}
        columns={[
          { key: "name", title: t("common.name"), dataIndex: "name" },
          {
            key: "prefix",
            title: "Prefix",
            render: (_, k) => <Typography.Text code>{k.prefix}</Typography.Text>,
          },
          {
            key: "scopes",
            title: t("admin.scopes"),
            render: (_, k) => k.scopes.map((s) => <Tag key={s}>{s}</Tag>),
          },
          {
            key: "actions",
            title: t("common.actions"),
            render: (_, k) =>
              k.revoked_at ? (
                <Tag>{t("admin.revoke")}</Tag>
              ) : (
                <Button
                  size="small"
                  danger
                  onClick={() => {
                    revoke.mutate(k.id);
                  }}
                >
                  {t("admin.revoke")}
                </Button>
              ),
          },
        ]}
      />
    </Flex>
  );
}

export function Administration() {
  const { t } = useTranslation();
  return (
    <Card>
      <Tabs
        items={[
          { key: "users", label: t("admin.users"), children: <Users /> },
          { key: "departments", label: t("admin.departments"), children: <Departments /> },
          { key: "properties", label: t("admin.properties"), children: <Properties /> },
          { key: "categories", label: t("admin.categories"), children: <Categories /> },
          { key: "keys", label: t("admin.apiKeys"), children: <ApiKeys /> },
        ]}
      />
    </Card>
  );
}
