import { Form, Input, Select, Switch } from "antd";
import { useTranslation } from "react-i18next";
import { useCategories, useProjects } from "@/lib/reference";

/** An article's title, Markdown body, categories, tags, projects and whether it is published. */
export function ArticleFields() {
  const { t } = useTranslation();
  const categories = useCategories();
  const projects = useProjects();
  return (
    <>
      <Form.Item
        name="title"
        label={t("knowledge.title")}
        rules={[{ required: true, whitespace: true, message: t("common.required") }]}
      >
        <Input maxLength={120} />
      </Form.Item>
      <Form.Item name="body" label={t("knowledge.body")} extra={t("knowledge.bodyHelp")}>
        <Input.TextArea rows={8} maxLength={20000} />
      </Form.Item>
      <Form.Item name="category_ids" label={t("knowledge.categories")}>
        <Select
          mode="multiple"
          loading={categories.isPending}
          options={(categories.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }))}
          optionFilterProp="label"
        />
      </Form.Item>
      <Form.Item name="tags" label={t("knowledge.tags")}>
        <Select mode="tags" tokenSeparators={[",", "，", " "]} open={false} />
      </Form.Item>
      <Form.Item name="project_ids" label={t("knowledge.projects")} extra={t("knowledge.projectsHelp")}>
        <Select
          mode="multiple"
          loading={projects.isPending}
          options={(projects.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }))}
          optionFilterProp="label"
        />
      </Form.Item>
      <Form.Item name="published" label={t("knowledge.published")} valuePropName="checked">
        <Switch />
      </Form.Item>
    </>
  );
}
