import type { FormInstance } from "antd";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError, applyFieldErrors, errorDetail, errorMessage } from "@/lib/problem";
import { changedFields, sameValue } from "../utils/changes";
import type { Mode, ResourcePanelProps, Row } from "./resource-panel-types";

/** A warning (stale row) or an error above the resource form. */
export interface Notice {
  type: "warning" | "error";
  title: string;
  detail?: string;
}

/**
 * The row's values the form was last based on (an edit sends only what differs from them).
 * After a reload (a 412, or another tab's change), the fields the user has not touched take
 * the fresh values and what they typed stays; the next save is computed against the fresh row.
 */
function useRebaseOnReload<R extends Row, V extends object>(
  mode: Mode,
  row: R | undefined,
  toForm: ((row: R) => V) | undefined,
  form: FormInstance<V>,
  initialValues: Partial<V> | undefined,
) {
  // The row's values the form was last based on: an edit sends only what differs from them.
  const baseline = useRef(initialValues);
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
  return baseline;
}

/**
 * The resource form's state and save: the initial values, rebasing untouched fields on a
 * reloaded row, the create or the edit (only the changed fields) and the notice a failure leaves.
 */
export function useResourceSave<R extends Row, V extends object>({
  panel,
  mode,
  row,
  form,
  onClose,
}: {
  panel: ResourcePanelProps<R, V>;
  mode: Mode;
  row?: R;
  form: FormInstance<V>;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<Notice | null>(null);
  const { toForm, onCreate, onUpdate } = panel;
  const [initialValues] = useState(() =>
    mode === "edit" && row && toForm ? toForm(row) : panel.createInitial,
  );
  const baseline = useRebaseOnReload(mode, row, toForm, form, initialValues);

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

  return { initialValues, busy, notice, submit };
}
