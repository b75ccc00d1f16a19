import { Button, Flex, type TableColumnsType } from "antd";
import { useTranslation } from "react-i18next";
import type { ResourcePanelProps, Row } from "./resource-panel-types";

/** The resource's columns, and an actions column ("Edit", the row's own buttons) where there are any. */
export function useResourceColumns<R extends Row, V extends object>(
  { columns, rowActions, onUpdate, toForm, name }: ResourcePanelProps<R, V>,
  onEdit: (id: string) => void,
): TableColumnsType<R> {
  const { t } = useTranslation();
  const editable = Boolean(onUpdate && toForm);
  return editable || rowActions
    ? [
        ...columns,
        {
          key: "actions",
          title: t("common.actions"),
          render: (_, row) => (
            <Flex gap="small" wrap>
              {editable && (
                <Button
                  size="small"
                  data-testid={`admin-${name}-edit`}
                  onClick={() => {
                    onEdit(row.id);
                  }}
                >
                  {t("admin.edit")}
                </Button>
              )}
              {rowActions?.(row)}
            </Flex>
          ),
        },
      ]
    : columns;
}
