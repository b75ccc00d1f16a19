import type { TableColumnsType } from "antd";
import type { ReactNode } from "react";

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

/** Whether the form creates a row or edits one. */
export type Mode = "create" | "edit";

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
