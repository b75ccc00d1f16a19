import { describe, expect, it, vi } from "vitest";
import i18n from "@/i18n/i18n";
import { problem } from "@/testing/fetch";
import { ApiError, applyFieldErrors, errorMessage, fieldErrors, fieldPath, parseRetryAfter } from "./problem";

async function apiError(response: Response): Promise<ApiError> {
  return ApiError.from(await response.json(), response);
}

describe("problem+json helpers", () => {
  it("reads Retry-After as seconds or as an HTTP date", () => {
    expect(parseRetryAfter("42")).toBe(42);
    expect(parseRetryAfter(null)).toBeNull();
    expect(parseRetryAfter("soon")).toBeNull();
    const now = Date.parse("2026-11-25T08:00:00Z");
    expect(parseRetryAfter("Wed, 25 Nov 2026 08:00:30 GMT", now)).toBe(30);
  });

  it("maps API field keys to form paths", () => {
    expect(fieldPath("username")).toEqual(["username"]);
    expect(fieldPath("property.building")).toEqual(["property", "building"]);
    expect(fieldPath("contacts[1].phone")).toEqual(["contacts", 1, "phone"]);
  });

  it("turns a validation problem into per-field errors", async () => {
    const error = await apiError(
      problem(422, { errors: { "property.room": ["required"], phone: ["invalid"] } }),
    );
    expect(fieldErrors(error)).toEqual([
      { name: ["property", "room"], errors: ["required"] },
      { name: ["phone"], errors: ["invalid"] },
    ]);
    expect(fieldErrors(new Error("x"))).toEqual([]);
  });

  it("sets errors on the fields a form has and returns the others", async () => {
    const error = await apiError(problem(422, { errors: { phone: ["invalid"], tenant: ["unknown"] } }));
    const form = {
      getFieldsError: () => [{ name: ["phone"], errors: [], warnings: [] }],
      setFields: vi.fn(),
    };
    expect(applyFieldErrors(form, error)).toEqual([{ name: ["tenant"], errors: ["unknown"] }]);
    expect(form.setFields).toHaveBeenCalledWith([{ name: ["phone"], errors: ["invalid"] }]);
  });

  it("gives a message in the user's language for each kind of failure", async () => {
    const t = i18n.t.bind(i18n);
    expect(errorMessage(await apiError(problem(412)), t)).toBe("内容已被他人修改，请刷新后重试");
    expect(errorMessage(await apiError(problem(429, {}, { "Retry-After": "7" })), t)).toBe(
      "请求过于频繁，请 7 秒后再试",
    );
    expect(errorMessage(new TypeError("Failed to fetch"), t)).toBe("无法连接服务器，请检查网络后重试");
    await i18n.changeLanguage("en");
    expect(errorMessage(await apiError(problem(429, {}, { "Retry-After": "7" })), t)).toBe(
      "Too many requests, try again in 7 s",
    );
    expect(errorMessage(await apiError(problem(502)), t)).toBe("Server error, please try again later");
  });
});
