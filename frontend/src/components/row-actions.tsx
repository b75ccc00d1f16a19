import { App, Button, Popconfirm, Space } from "antd";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { errorMessage } from "@/lib/problem";

/**
 * "Edit" and "delete" of one table row. Deleting asks first (`confirmDelete`), sends `remove` with
 * the row's id and shows the error as a message if the server refuses; the button spins while
 * this row's deletion is under way. `before` puts more buttons in front (e.g. "deliveries").
 */
export function RowActions({
  id,
  onEdit,
  remove,
  confirmDelete,
  before,
}: {
  id: string;
  onEdit: () => void;
  remove: {
    mutate: (id: string, handlers: { onError: (error: Error) => void }) => void;
    isPending: boolean;
    variables?: string;
  };
  confirmDelete: string;
  before?: ReactNode;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  return (
    <Space>
      {before}
      <Button size="small" onClick={onEdit}>
        {t("common.edit")}
      </Button>
      <Popconfirm
        title={confirmDelete}
        okText={t("common.delete")}
        cancelText={t("common.cancel")}
        onConfirm={() => {
          remove.mutate(id, { onError: (error) => void message.error(errorMessage(error, t)) });
        }}
      >
        <Button size="small" danger loading={remove.isPending && remove.variables === id}>
          {t("common.delete")}
        </Button>
      </Popconfirm>
    </Space>
  );
}
