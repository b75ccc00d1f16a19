import type { FormInstance } from "antd";
import type { TFunction } from "i18next";
import type { components } from "@/api/schema";

/** RFC 9457 problem details, as the API documents them. */
export type Problem = components["schemas"]["Problem"];

/** A form field path as antd's Form understands it (`["address", "building"]`). */
export type FieldPath = (string | number)[];

export interface FieldError {
  name: FieldPath;
  errors: string[];
}

function isProblem(value: unknown): value is Problem {
  return (
    value !== null &&
    typeof value === "object" &&
    "status" in value &&
    typeof value.status === "number" &&
    "title" in value &&
    typeof value.title === "string"
  );
}

/** Seconds to wait from a `Retry-After` header (delta-seconds or an HTTP date). */
export function parseRetryAfter(header: string | null, now = Date.now()): number | null {
  if (header === null || header.trim() === "") return null;
  const trimmed = header.trim();
  if (/^\d+$/.test(trimmed)) return Number.parseInt(trimmed, 10);
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return null;
  return Math.max(0, Math.ceil((date - now) / 1000));
}

/** A non-2xx answer from the API. */
export class ApiError extends Error {
  readonly status: number;
  /** The problem+json body, when the server sent one. */
  readonly problem: Problem | null;
  /** Seconds from `Retry-After`, for 429 and 503 answers. */
  readonly retryAfter: number | null;

  constructor(status: number, problem: Problem | null, retryAfter: number | null) {
    super(problem?.detail ?? problem?.title ?? `HTTP ${status}`);
    this.name = "ApiError";
    this.status = status;
    this.problem = problem;
    this.retryAfter = retryAfter;
  }

  static from(body: unknown, response: Response): ApiError {
    return new ApiError(
      response.status,
      isProblem(body) ? body : null,
      parseRetryAfter(response.headers.get("Retry-After")),
    );
  }
}

/** Turns a dotted/indexed field key from the API (`items[0].name`, `address.building`) into a form path. */
export function fieldPath(key: string): FieldPath {
  return key
    .replace(/\[(\d+)\]/g, ".$1")
    .split(".")
    .filter((part) => part !== "")
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

/** Per-field messages from a validation problem, ready for antd's `form.setFields`. */
export function fieldErrors(error: unknown): FieldError[] {
  if (!(error instanceof ApiError) || !error.problem?.errors) return [];
  return Object.entries(error.problem.errors)
    .filter(([, messages]) => Array.isArray(messages) && messages.length > 0)
    .map(([key, messages]) => ({ name: fieldPath(key), errors: messages }));
}

/** The part of antd's FormInstance that applyFieldErrors needs. */
export type FieldErrorTarget = Pick<FormInstance, "getFieldsError" | "setFields">;

/**
 * Shows a validation problem's field errors on the form fields they name.
 * Returns the errors for fields the form does not have, so the caller can show them elsewhere.
 */
export function applyFieldErrors(form: FieldErrorTarget, error: unknown): FieldError[] {
  const all = fieldErrors(error);
  const known = new Set(form.getFieldsError().map((field) => JSON.stringify(field.name)));
  const onForm = all.filter((field) => known.has(JSON.stringify(field.name)));
  if (onForm.length > 0) form.setFields(onForm);
  return all.filter((field) => !known.has(JSON.stringify(field.name)));
}

/** A message for the user, in their language, for any error a request can end with. */
export function errorMessage(error: unknown, t: TFunction): string {
  if (!(error instanceof ApiError)) {
    // fetch() rejects with a TypeError when the network or the server is unreachable.
    return error instanceof TypeError ? t("errors.network") : t("errors.unknown");
  }
  switch (error.status) {
    case 400:
      return t("errors.badRequest");
    case 401:
      return t("errors.unauthenticated");
    case 403:
      return t("errors.forbidden");
    case 404:
      return t("errors.notFound");
    case 409:
      return t("errors.conflict");
    case 412:
      return t("errors.stale");
    case 422:
      return t("errors.validation");
    case 429:
      return error.retryAfter !== null
        ? t("errors.rateLimited", { count: error.retryAfter })
        : t("errors.rateLimitedNoWait");
    default:
      return error.status >= 500 ? t("errors.server") : t("errors.unknown");
  }
}

/** The server's own explanation (`detail`), to show under the translated message when present. */
export function errorDetail(error: unknown): string | null {
  if (error instanceof ApiError && error.problem?.detail) return error.problem.detail;
  return null;
}
