import { Form, Input, Modal, Select, Switch } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { errorMessage } from "@/lib/problem";
import { useCategories, useProjects } from "@/lib/reference";
import type { Article } from "../api/types";
import { useCreateArticle } from "../api/create-article";
import { useUpdateArticle } from "../api/update-article";

interface Values {
  title: string;
  body: string;
  tags: string[];
  category_ids: string[];
  project_ids: string[];
  published: boolean;
}

/** Writes a new article, or edits `article`, in a dialog. */
export function ArticleForm({ article, onClose }: { article?: Article; onClose: (saved?: Article) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [key] = useState(() => crypto.randomUUID());
  const categories = useCategories();
  const projects = useProjects();
  const create = useCreateArticle();
  const update = useUpdateArticle();
  const saving = create.isPending || update.isPending;
  const error = create.error ?? update.error;

  const submit = async () => {
    const v = await form.validateFields();
    const body = {
      title: v.title,
      body: v.body,
      tags: v.tags,
      category_ids: v.category_ids,
      project_ids: v.project_ids,
      status: v.published ? ("published" as const) : ("draft" as const),
    };
    const saved = article
      ? await update.mutateAsync({ id: article.id, version: article.version, body })
      : await create.mutateAsync({ body, key });
    onClose(saved);
  };

  return (
    <Modal
      open
      width={720}
      title={article ? t("knowledge.edit") : t("knowledge.create")}
      okText={t("common.save")}
      confirmLoading={saving}
      onOk={() => {
        submit().catch(() => undefined);
      }}
      onCancel={() => {
        onClose();
      }}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{
          title: article?.title ?? "",
          body: article?.body ?? "",
          tags: article?.tags ?? [],
          category_ids: article?.category_ids ?? [],
          project_ids: article?.project_ids ?? [],
          published: article?.status === "published",
        }}
      >
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
      </Form>
      {error && (
        <div role="alert" style={{ color: "#cf1322" }}>
          {errorMessage(error, t)}
        </div>
      )}
    </Modal>
  );
}
