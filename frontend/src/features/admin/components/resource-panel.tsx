import { Alert, Button, Empty, Flex, Table } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { errorMessage } from "@/lib/problem";
import { ResourceForm } from "./resource-form";
import type { Mode, ResourcePanelProps, Row } from "./resource-panel-types";
import { ResourceToolbar } from "./resource-toolbar";
import { useResourceColumns } from "./use-resource-columns";

/** A table of one resource with search, "New" and per-row "Edit" (PATCH with If-Match). */
export function ResourcePanel<R extends Row, V extends object>(props: ResourcePanelProps<R, V>) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<{ mode: Mode; id?: string } | null>(null);
  const { list, search, toolbar, onCreate, name } = props;
  const rows = list.data?.items;
  const columns = useResourceColumns(props, (id) => {
    setEditing({ mode: "edit", id });
  });

  return (
    <Flex vertical gap="small">
      <ResourceToolbar
        name={name}
        toolbar={toolbar}
        search={search}
        canCreate={props.canCreate}
        onCreate={
          onCreate &&
          (() => {
            setEditing({ mode: "create" });
          })
        }
      />
      {list.error !== null && list.error !== undefined && (
        <Alert
          type="error"
          showIcon
          message={errorMessage(list.error, t)}
          action={
            <Button
              size="small"
              onClick={() => {
                void list.refetch();
              }}
            >
              {t("common.retry")}
            </Button>
          }
        />
      )}
      <Table<R>
        rowKey="id"
        size="small"
        loading={list.isFetching}
        dataSource={rows}
        columns={columns}
        pagination={(rows?.length ?? 0) > 20 ? { pageSize: 20, showSizeChanger: false } : false}
        scroll={{ x: "max-content" }}
        locale={{
          emptyText: (
            <Empty
              image={Empty.PRESENTED_IMAGE_SIMPLE}
              description={props.emptyText ?? (search?.value ? t("admin.noMatch") : t("admin.empty"))}
            />
          ),
        }}
        data-testid={`admin-${name}-table`}
      />
      {editing && (
        <ResourceForm<R, V>
          panel={props}
          mode={editing.mode}
          row={editing.id ? rows?.find((r) => r.id === editing.id) : undefined}
          onClose={() => {
            setEditing(null);
          }}
        />
      )}
    </Flex>
  );
}
