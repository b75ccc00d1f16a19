import { Popconfirm, Space, type TableColumnsType, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { ReplyTemplate, TemplateUse } from "../api/types";
import { useDeleteTemplate } from "../api/delete-template";

/** The standard replies' columns: name, body, where offered; edit and delete for those who `manage`. */
export function useTemplateColumns({
  manage,
  onEdit,
}: {
  manage: boolean;
  onEdit: (template: ReplyTemplate) => void;
}): TableColumnsType<ReplyTemplate> {
  const { t } = useTranslation();
  const remove = useDeleteTemplate();
  return [
    { title: t("common.name"), dataIndex: "name", width: 180 },
    {
      title: t("replyTemplates.body"),
      dataIndex: "body",
      render: (body: string) => <Typography.Text>{body}</Typography.Text>,
    },
    {
      title: t("replyTemplates.uses"),
      dataIndex: "uses",
      width: 180,
      render: (uses: TemplateUse[]) =>
        uses.length === 0 ? (
          <Tag>{t("replyTemplates.everywhere")}</Tag>
        ) : (
          uses.map((u) => <Tag key={u}>{t(`replyTemplates.use.${u}`)}</Tag>)
        ),
    },
    ...(manage
      ? [
          {
            title: t("common.actions"),
            key: "actions",
            width: 140,
            render: (_: unknown, row: ReplyTemplate) => (
              <Space>
                <Typography.Link
                  onClick={() => {
                    onEdit(row);
                  }}
                >
                  {t("common.edit")}
                </Typography.Link>
                <Popconfirm
                  title={t("replyTemplates.confirmDelete")}
                  onConfirm={() => {
                    remove.mutate(row.id);
                  }}
                >
                  <Typography.Link type="danger">{t("common.delete")}</Typography.Link>
                </Popconfirm>
              </Space>
            ),
          },
        ]
      : []),
  ];
}
