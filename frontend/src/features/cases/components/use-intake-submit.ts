import { App, type FormInstance } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { applyFieldErrors, errorMessage } from "@/lib/problem";
import type { CaseDetail, CustomerDetail } from "@/lib/types";
import { useCreateCase } from "../api/create-case";
import { type IntakeValues, toCreateCase } from "./intake-values";

/**
 * Registers the case once per submission key (a retried submission is not registered twice);
 * on success a fresh key and `onCreated`, on failure the field errors and a message.
 */
export function useIntakeSubmit(
  form: FormInstance<IntakeValues>,
  customer: CustomerDetail | null,
  onCreated: (created: CaseDetail) => void,
) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const create = useCreateCase();
  // One key per case being registered: a retried submission is not registered twice.
  const [submissionKey, setSubmissionKey] = useState(() => crypto.randomUUID());

  const submit = (values: IntakeValues) => {
    if (create.isPending) return;
    create.mutate(
      { body: toCreateCase(values, customer), key: submissionKey },
      {
        onSuccess: (result) => {
          setSubmissionKey(crypto.randomUUID());
          onCreated(result);
        },
        onError: (error) => {
          const rest = applyFieldErrors(form, error);
          void message.error(
            rest.length > 0 ? rest.map((r) => r.errors.join(" ")).join("; ") : errorMessage(error, t),
          );
        },
      },
    );
  };

  return { submit, pending: create.isPending };
}
