import { App, Button, Form, Input, Popconfirm, Select, Tag } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { components } from "@/api/schema";
import type { Role } from "@/lib/auth";
import { ApiError, errorMessage } from "@/lib/problem";
import { useDepartments, useProjects } from "@/lib/reference";
import { type CreateUserBody, useCreateUser } from "../api/create-user";
import { useAdminUsers } from "../api/users";
import { useSetUserActive } from "../api/set-user-active";
import { useUpdateUser } from "../api/update-user";
import { pick } from "../utils/changes";
import { options, useRequired } from "../utils/form";
import { ResourcePanel } from "./resource-panel";

type Schemas = components["schemas"];

const ROLES: readonly Role[] = ["admin", "manager", "supervisor", "agent", "steward", "handler"];

export function Users() {
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
      list={users}
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
                  // Someone else changed the account: show its current state (and version).
                  if (error instanceof ApiError && error.status === 412) void users.refetch();
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
