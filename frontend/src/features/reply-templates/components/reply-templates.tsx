import { Button, Card, Flex, Result, Table } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { errorMessage } from "@/lib/problem";
import type { ReplyTemplate } from "../api/types";
import { useTemplates } from "../api/templates";
import { TemplateForm } from "./template-form";
import { useTemplateColumns } from "./use-template-columns";

/** The standard replies: everyone reads them; those who manage the knowledge base write them. */
export function ReplyTemplates({ manage }: { manage: boolean }) {
  const { t } = useTranslation();
  const templates = useTemplates();
  const [editing, setEditing] = useState<ReplyTemplate | "new" | null>(null);
  const columns = useTemplateColumns({ manage, onEdit: setEditing });
  if (templates.isError) {
    return (
      <Result
        status="warning"
        title={errorMessage(templates.error, t)}
        extra={<Button onClick={() => void templates.refetch()}>{t("common.retry")}</Button>}
      />
    );
  }
  return (
    <Flex vertical gap="middle">
      {manage && (
        <Flex justify="flex-end">
          <Button
            type="primary"
            onClick={() => {
              setEditing("new");
            }}
          >
            {t("replyTemplates.create")}
          </Button>
        </Flex>
      )}
      <Card>
        <Table<ReplyTemplate>
          rowKey="id"
          loading={templates.isPending}
          dataSource={templates.data?.items ?? []}
          pagination={false}
          locale={{ emptyText: t("replyTemplates.empty") }}
          columns={columns}
        />
      </Card>
      {editing && (
        <TemplateForm
          template={editing === "new" ? undefined : editing}
          onClose={() => {
            setEditing(null);
          }}
        />
      )}
    </Flex>
  );
}
