import { Form, Modal } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { errorMessage } from "@/lib/problem";
import type { Article } from "../api/types";
import { useCreateArticle } from "../api/create-article";
import { useUpdateArticle } from "../api/update-article";
import { ArticleFields } from "./article-fields";

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
        <ArticleFields />
      </Form>
      {error && (
        <div role="alert" style={{ color: "#cf1322" }}>
          {errorMessage(error, t)}
        </div>
      )}
    </Modal>
  );
}
