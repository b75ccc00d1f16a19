import type { FormInstance } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError, applyFieldErrors, errorMessage } from "@/lib/problem";
import type { CaseAction, CaseDetail } from "@/lib/types";
import { useCaseAction } from "../api/case-action";
import { type ActionValues, toRequest } from "./action-values";

/** What went wrong with the last submit, for the alert above the form. */
export interface ActionProblem {
  title: string;
  detail?: string;
}

/**
 * Submits an action's form with the case's current version: a 412 (stale) and a 409 (refused)
 * get their own messages, any other error goes to the form's fields and the alert.
 */
export function useActionSubmit(
  action: CaseAction,
  current: CaseDetail,
  form: FormInstance<ActionValues>,
  onDone: () => void,
) {
  const { t } = useTranslation();
  const run = useCaseAction();
  const [problem, setProblem] = useState<ActionProblem | null>(null);

  const submit = (values: ActionValues) => {
    setProblem(null);
    run.mutate(
      { id: current.id, version: current.version, request: toRequest(action, values) },
      {
        onSuccess: onDone,
        onError: (error) => {
          if (error instanceof ApiError && error.status === 412)
            setProblem({ title: t("case.staleTitle"), detail: t("case.staleBody") });
          else if (error instanceof ApiError && error.status === 409)
            setProblem({ title: t("case.conflict") });
          else {
            const rest = applyFieldErrors(form, error);
            setProblem({
              title: errorMessage(error, t),
              detail: rest.map((r) => r.errors.join(" ")).join("; ") || undefined,
            });
          }
        },
      },
    );
  };

  return { submit, problem, pending: run.isPending };
}
