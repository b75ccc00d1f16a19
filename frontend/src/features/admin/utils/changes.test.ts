import { describe, expect, it } from "vitest";
import { changedFields, pick } from "./changes";

describe("changedFields", () => {
  it("keeps only what changed, and sends a cleared field as null", () => {
    const before = { name: "工程部", kind: "engineering", code: "A1" as string | null, ids: ["a"] };
    expect(changedFields({ name: "工程维修部", kind: "engineering", code: "", ids: ["a"] }, before)).toEqual({
      name: "工程维修部",
      code: null,
    });
    expect(changedFields({ ...before, ids: ["a", "b"] }, before)).toEqual({ ids: ["a", "b"] });
    expect(changedFields(before, before)).toEqual({});
  });

  it("treats undefined and null alike", () => {
    expect(changedFields({ area: undefined }, { area: null as string | null | undefined })).toEqual({});
  });
});

describe("pick", () => {
  it("keeps the named keys that are present", () => {
    expect(pick({ a: 1, b: 2, c: 3 }, ["a", "c"])).toEqual({
      a: 1,
      c: 3,
    });
    expect(pick({ b: 2 }, ["a"])).toEqual({});
  });
});
