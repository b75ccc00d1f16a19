import type { FormInstance } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { type LoginBody, useLogin } from "@/lib/auth";
import { ApiError, applyFieldErrors, errorDetail, errorMessage } from "@/lib/problem";
import { type CountdownStart, useCountdown } from "@/lib/use-countdown";

type Failure =
  | { kind: "rate-limited"; wait: CountdownStart | null }
  | { kind: "bad-credentials" }
  | { kind: "other"; message: string; detail: string | null };

/**
 * Logs in; a failure becomes the alert to show (a 429 counts down its Retry-After, during which
 * the submit waits; a 401 clears when the user types; field errors sit next to their fields).
 */
export function useLoginSubmit(form: FormInstance<LoginBody>, onSuccess: () => void) {
  const { t } = useTranslation();
  const login = useLogin();
  const [failure, setFailure] = useState<Failure | null>(null);
  const secondsLeft = useCountdown(failure?.kind === "rate-limited" ? failure.wait : null);
  const waiting = failure?.kind === "rate-limited" && secondsLeft > 0;

  const onFinish = (values: LoginBody) => {
    setFailure(null);
    login.mutate(values, {
      onSuccess,
      onError: (error) => {
        if (error instanceof ApiError && error.status === 429) {
          const wait = error.retryAfter === null ? null : { from: Date.now(), seconds: error.retryAfter };
          setFailure({ kind: "rate-limited", wait });
        } else if (error instanceof ApiError && error.status === 401) {
          setFailure({ kind: "bad-credentials" });
        } else if (error instanceof ApiError && error.status === 422) {
          const rest = applyFieldErrors(form, error);
          const extra = rest.flatMap((field) => field.errors).join(" ");
          setFailure({ kind: "other", message: t("auth.checkFields"), detail: extra || null });
        } else {
          setFailure({ kind: "other", message: errorMessage(error, t), detail: errorDetail(error) });
        }
      },
    });
  };

  let alert: { message: string; description?: string } | null = null;
  if (failure?.kind === "rate-limited") {
    alert = {
      message:
        failure.wait === null
          ? t("auth.rateLimitedNoWait")
          : secondsLeft > 0
            ? t("auth.rateLimited", { count: secondsLeft })
            : t("auth.rateLimitedNoWait"),
    };
  } else if (failure?.kind === "bad-credentials") {
    alert = { message: t("auth.badCredentials") };
  } else if (failure?.kind === "other") {
    alert = { message: failure.message, ...(failure.detail ? { description: failure.detail } : {}) };
  }

  const onValuesChange = () => {
    if (failure?.kind === "bad-credentials") setFailure(null);
  };

  return { onFinish, onValuesChange, alert, waiting, pending: login.isPending };
}
