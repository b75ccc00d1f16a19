import { Form, Input, InputNumber, Switch, Tag, TreeSelect } from "antd";
import { useTranslation } from "react-i18next";
import type { components } from "@/api/schema";
import { useCategories } from "@/lib/reference";
import { type CreateCategoryBody, useCreateCategory } from "../api/create-category";
import { useUpdateCategory } from "../api/update-category";
import { pick } from "../utils/changes";
import { useRequired } from "../utils/form";
import { ResourcePanel } from "./resource-panel";

type Schemas = components["schemas"];

type CategoryForm = CreateCategoryBody & { active?: boolean };

/** The case categories tree; read-only (no "new", no "edit") without `editable`. */
export function Categories({ editable }: { editable: boolean }) {
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
      list={categories}
      onCreate={
        editable
          ? (v) => create.mutateAsync(pick(v, ["code", "name", "name_en", "parent_id", "position"]))
          : undefined
      }
      toForm={(c) => ({
        code: c.code,
        name: c.name,
        name_en: c.name_en,
        parent_id: c.parent_id,
        position: c.position,
        active: c.active,
      })}
      onUpdate={
        editable
          ? (c, changes) =>
              update.mutateAsync({
                id: c.id,
                version: c.version,
                body: pick(changes, ["name", "name_en", "position", "active"]),
              })
          : undefined
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
