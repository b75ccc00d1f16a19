import { Alert, Button, Empty, Flex, Form, Input, Modal, Table, type TableColumnsType } from "antd";
import { type ReactNode, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError, applyFieldErrors, errorDetail, errorMessage } from "@/lib/problem";
import { changedFields, sameValue } from "../utils/changes";

/** The part of a list query's result the panel uses. */
export interface ListQuery<R> {
  data?: { items: R[] };
  isFetching: boolean;
  error: unknown;
  refetch: () => Promise<unknown>;
}

/** A row of a resource. Editable ones also carry the `version` that onUpdate sends in If-Match. */
export interface Row {
  id: string;
}

type Mode = "create" | "edit";

/**
 * One administered resource: a table of its rows, a "New" form and an "Edit" form.
 * `V` is the form's values; the edit form sends only the fields that differ from the row.
 */
export interface ResourcePanelProps<R extends Row, V extends object> {
  /** Names the resource in the modal title ("New · Departments"). */
  title: string;
  /** For test ids: `admin-<name>-…`. */
  name: string;
  /** The rows' query; after a 412 it is refetched and the edit form reads the fresh version. */
  list: ListQuery<R>;
  columns: TableColumnsType<R>;
  /** The form items; `row` is the edited row in edit mode. */
  fields: (mode: Mode, row?: R) => ReactNode;
  createInitial?: Partial<V>;
  /** Absent: no "New" button. */
  onCreate?: (values: V) => Promise<unknown>;
  /** Form values for a row. Absent, with onUpdate: no "Edit" button. */
  toForm?: (row: R) => V;
  onUpdate?: (row: R, changes: Partial<V>) => Promise<unknown>;
  /** Server-side search (`q`), where the API has it. */
  search?: { value: string; onChange: (q: string) => void };
  /** Filters and notices shown above the table, left of the search and "New". */
  toolbar?: ReactNode;
  /** Buttons for a row next to "Edit". */
  rowActions?: (row: R) => ReactNode;
  /** Why the table is empty (e.g. "choose a project first"), instead of "no data". */
  emptyText?: string;
  /** Whether "New" can be used now (e.g. a project is chosen). */
  canCreate?: boolean;
}

interface Notice {
  type: "warning" | "error";
  title: string;
  detail?: string;
}

function ResourceForm<R extends Row, V extends object>({
  panel,
  mode,
  row,
  onClose,
}: {
  panel: ResourcePanelProps<R, V>;
  mode: Mode;
  /** The edited row as the table has it now (a reload after a 412 brings the fresh version). */
  row?: R;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<V>();
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<Notice | null>(null);
  const { toForm, onCreate, onUpdate } = panel;
  const [initialValues] = useState(() =>
    mode === "edit" && row && toForm ? toForm(row) : panel.createInitial,
  );
  // The row's values the form was last based on: an edit sends only what differs from them.
  const baseline = useRef(initialValues);

  // After a reload (a 412, or another tab's change), the fields the user has not touched take
  // the fresh values and what they typed stays; the next save is computed against the fresh row.
  useEffect(() => {
    if (mode !== "edit" || !row || !toForm) return;
    const fresh = toForm(row);
    const before = baseline.current;
    if (!before || sameValue(fresh, before)) return;
    const current = form.getFieldsValue();
    const updates: Partial<V> = {};
    for (const key of Object.keys(current) as (keyof V)[]) {
      if (sameValue(current[key], before[key])) updates[key] = fresh[key];
    }
    if (Object.keys(updates).length > 0)
      form.setFieldsValue(updates as Parameters<typeof form.setFieldsValue>[0]);
    baseline.current = fresh;
  }, [mode, row, toForm, form]);

  const fail = (error: unknown) => {
    if (error instanceof ApiError && error.status === 412) {
      setNotice({ type: "warning", title: t("admin.staleTitle"), detail: t("admin.staleBody") });
      void panel.list.refetch();
      return;
    }
    const rest = applyFieldErrors(form, error);
    // A validation problem's `detail` repeats its field errors, which now sit next to their fields.
    const hasFields = error instanceof ApiError && Boolean(error.problem?.errors);
    const detail = [
      hasFields ? null : errorDetail(error),
      ...rest.map((r) => `${r.name.join(".")}: ${r.errors.join(" ")}`),
    ]
      .filter(Boolean)
      .join("; ");
    setNotice({ type: "error", title: errorMessage(error, t), detail: detail || undefined });
  };

  const submit = (values: V) => {
    let call: Promise<unknown> | undefined;
    if (mode === "create") call = onCreate?.(values);
    else if (row && onUpdate && baseline.current) {
      const changes = changedFields(values, baseline.current);
      if (Object.keys(changes).length === 0) {
        onClose();
        return;
      }
      call = onUpdate(row, changes);
    }
    if (!call) return;
    setBusy(true);
    setNotice(null);
    call
      .then(onClose)
      .catch(fail)
      .finally(() => {
        setBusy(false);
      });
  };

  return (
    <Modal
      open
      title={`${mode === "create" ? t("common.create") : t("admin.edit")} · ${panel.title}`}
      okText={t("common.save")}
      cancelText={t("common.cancel")}
      confirmLoading={busy}
      onOk={() => {
        form.submit();
      }}
      onCancel={onClose}
      destroyOnHidden
    >
      {notice && (
        <Alert
          type={notice.type}
          showIcon
          message={notice.title}
          description={notice.detail}
          style={{ marginBottom: 16 }}
          data-testid="admin-form-notice"
        />
      )}
      {mode === "edit" && !row ? (
        <Alert type="error" message={t("errors.notFound")} />
      ) : (
        <Form<V> form={form} layout="vertical" initialValues={initialValues} onFinish={submit}>
          {panel.fields(mode, row)}
        </Form>
      )}
    </Modal>
  );
}

/** A table of one resource with search, "New" and per-row "Edit" (PATCH with If-Match). */
export function ResourcePanel<R extends Row, V extends object>(props: ResourcePanelProps<R, V>) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<{ mode: Mode; id?: string } | null>(null);
  const { list, search, toolbar, rowActions, onCreate, onUpdate, toForm, name } = props;
  const rows = list.data?.items;
  const editable = Boolean(onUpdate && toForm);
  const columns: TableColumnsType<R> =
    editable || rowActions
      ? [
          ...props.columns,
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
                      setEditing({ mode: "edit", id: row.id });
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
      : props.columns;

  return (
    <Flex vertical gap="small">
      <Flex gap="small" wrap justify="space-between" align="center">
        <Flex gap="small" wrap align="center">
          {toolbar}
          {search && (
            <Input.Search
              allowClear
              placeholder={t("common.search")}
              defaultValue={search.value}
              onSearch={(q) => {
                search.onChange(q.trim());
              }}
              style={{ width: 240, maxWidth: "100%" }}
              data-testid={`admin-${name}-search`}
            />
          )}
        </Flex>
        {onCreate && (
          <Button
            type="primary"
            disabled={props.canCreate === false}
            data-testid={`admin-${name}-create`}
            onClick={() => {
              setEditing({ mode: "create" });
            }}
          >
            {t("common.create")}
          </Button>
        )}
      </Flex>
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
