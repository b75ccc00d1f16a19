import type { FormInstance } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError, applyFieldErrors, errorMessage } from "./problem";

/** What a versioned row carries: the server answers `412` when `version` is no longer current. */
export interface Versioned {
  id: string;
  version: number;
}

/** The variables of an update sent with `If-Match: "<version>"`. */
export interface VersionedUpdate<Body> {
  id: string;
  version: number;
  body: Body;
}

/** The part of a `useMutation` result the form uses. */
export interface FormMutation<Variables, Result> {
  mutate: (
    variables: Variables,
    handlers: { onSuccess: (saved: Result) => void; onError: (error: Error) => void },
  ) => void;
  isPending: boolean;
}

export interface VersionedFormOptions<Row extends Versioned, Create, Update, Result> {
  form: Pick<FormInstance, "getFieldsError" | "setFields">;
  /** The row being edited, or null for a new one. */
  row: Row | null;
  create: FormMutation<Create, Result>;
  update: FormMutation<VersionedUpdate<Update>, Result>;
  /** The message for `409` (the row would duplicate another); the generic one otherwise. */
  conflict?: string;
  /** After the server accepted the form, with what it answered. */
  onSaved: (saved: Result, created: boolean) => void;
}

/**
 * The save of a modal form over a versioned resource: a new row is created, an existing one is
 * updated with the version it was read at (so a stale edit is refused with `412`, not silently
 * overwriting someone else's). A failure lands on the form: the fields the problem names get their
 * messages, and `problem` holds one line for the rest — the conflict message for `409`, "changed
 * meanwhile, reload" for `412`, the translated status otherwise, followed by any field errors the
 * form has no input for.
 */
export function useVersionedForm<Row extends Versioned, Create, Update, Result>({
  form,
  row,
  create,
  update,
  conflict,
  onSaved,
}: VersionedFormOptions<Row, Create, Update, Result>) {
  const { t } = useTranslation();
  const [problem, setProblem] = useState<string | null>(null);

  const onError = (error: Error) => {
    if (conflict && error instanceof ApiError && error.status === 409) {
      setProblem(conflict);
      return;
    }
    const unplaced = applyFieldErrors(form, error).map((field) => field.errors.join(" "));
    setProblem([errorMessage(error, t), ...unplaced].filter(Boolean).join("; "));
  };

  /** Sends `create` for a new row, `update` (with the row's version) for an existing one. */
  const save = (bodies: { create: Create; update: Update }) => {
    setProblem(null);
    if (row) {
      const onSuccess = (saved: Result) => {
        onSaved(saved, false);
      };
      update.mutate({ id: row.id, version: row.version, body: bodies.update }, { onSuccess, onError });
    } else {
      const onSuccess = (saved: Result) => {
        onSaved(saved, true);
      };
      create.mutate(bodies.create, { onSuccess, onError });
    }
  };

  return { save, problem, saving: create.isPending || update.isPending };
}
