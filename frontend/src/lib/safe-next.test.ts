import { describe, expect, it } from "vitest";
import { safeNext } from "./safe-next";

describe("safeNext", () => {
  it("keeps paths on this site", () => {
    expect(safeNext("/queues?status=open#top")).toBe("/queues?status=open#top");
  });

  it("refuses other sites, odd schemes and the login page itself", () => {
    for (const next of [
      null,
      "",
      "https://evil.example/",
      "//evil.example/x",
      "/\\evil.example",
      "javascript:alert(1)",
      "/login",
      "/login?next=%2F",
    ]) {
      expect(safeNext(next)).toBe("/");
    }
  });
});
