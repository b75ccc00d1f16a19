import { describe, expect, it } from "vitest";
import { allowedActions, canSeeScreen } from "./permissions";

describe("decoration roles", () => {
  it("show designers only their leads, works and the case queue", () => {
    for (const screen of ["dashboard", "queues", "leads", "works"]) {
      expect(canSeeScreen("designer", screen)).toBe(true);
    }
    for (const screen of ["intake", "visits", "customers", "statistics", "warnings", "admin", "deadlines"]) {
      expect(canSeeScreen("designer", screen)).toBe(false);
    }
  });

  it("show customer managers the intake and the customer archive but not statistics", () => {
    expect(canSeeScreen("customer_manager", "intake")).toBe(true);
    expect(canSeeScreen("customer_manager", "customers")).toBe(true);
    expect(canSeeScreen("customer_manager", "statistics")).toBe(false);
    expect(canSeeScreen("customer_manager", "visits")).toBe(false);
  });

  it("leave the other roles' screens as they were", () => {
    expect(canSeeScreen("agent", "visits")).toBe(true);
    expect(canSeeScreen("manager", "statistics")).toBe(true);
  });

  it("offer the decoration roles only comments on cases", () => {
    expect(allowedActions("designer", ["verify", "comment", "resolve"])).toEqual(["comment"]);
    expect(allowedActions("customer_manager", ["dispatch", "comment"])).toEqual(["comment"]);
  });
});
