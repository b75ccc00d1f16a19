import { describe, expect, it } from "vitest";
import { changedFields, pick } from "./changes";

interface Department {
  name: string;
  kind: string;
  code: string | null;
  ids: string[];
}

describe("changedFields", () => {
  it("keeps only what changed, and sends a cleared field as null", () => {
    const before: Department = { name: "工程部", kind: "engineering", code: "A1", ids: ["a"] };
    expect(
      changedFields<Department>({ name: "工程维修部", kind: "engineering", code: "", ids: ["a"] }, before),
    ).toEqual({
      name: "工程维修部",
      code: null,
    });
    expect(changedFields({ ...before, ids: ["a", "b"] }, before)).toEqual({ ids: ["a", "b"] });
    expect(changedFields(before, before)).toEqual({});
  });

  it("treats undefined and null alike", () => {
    const values: { area?: string | null } = { area: undefined };
    expect(changedFields(values, { area: null })).toEqual({});
  });
});

describe("pick", () => {
  it("keeps the named keys that are present", () => {
    const some: { a?: number; b?: number; c?: number } = { b: 2, c: 3 };
    expect(pick(some, ["a", "c"])).toEqual({ c: 3 });
  });
});
