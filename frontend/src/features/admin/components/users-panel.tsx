import { Tag } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { components } from "@/api/schema";
import { useDepartments } from "@/lib/reference";
import { type CreateUserBody, useCreateUser } from "../api/create-user";
import { useAdminUsers } from "../api/users";
import { useUpdateUser } from "../api/update-user";
import { pick } from "../utils/changes";
import { ResourcePanel } from "./resource-panel";
import { UserActiveToggle } from "./user-active-toggle";
import { UserFields } from "./user-fields";

type Schemas = components["schemas"];

export function Users() {
  const { t } = useTranslation();
  const [q, setQ] = useState("");
  const users = useAdminUsers(q);
  const departments = useDepartments();
  const create = useCreateUser();
  const update = useUpdateUser();
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
      fields={(mode) => <UserFields mode={mode} />}
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
        <UserActiveToggle
          user={u}
          onStale={() => {
            void users.refetch();
          }}
        />
      )}
    />
  );
}
