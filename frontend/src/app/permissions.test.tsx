import { render, screen, waitFor, within } from "@testing-library/react";
import { beforeAll, describe, expect, it } from "vitest";
import { setSession } from "@/lib/session";
import { aUser } from "@/testing/data";
import { json, requestsTo, stubFetch } from "@/testing/fetch";
import { App } from "./app";
import { cardsFor } from "./dashboard-cards";

/** What the demo agent's role holds on the server (a fixture, not a copy used by the console). */
const AGENT = aUser({
  display_name: "张专员",
  role: "agent",
  permissions: [
    "org_read",
    "category_read",
    "customer_read",
    "customer_manage",
    "pii_view",
    "case_create",
    "case_read",
    "case_verify",
    "case_dispatch",
    "case_reply",
    "case_close_on_spot",
    "case_cancel",
    "case_comment",
    "case_pause",
    "case_escalate",
    "stats_read",
    "knowledge_read",
  ],
});

const HANDLER = aUser({
  display_name: "刘师傅",
  role: "handler",
  permissions: [
    "org_read",
    "category_read",
    "customer_read",
    "case_read",
    "case_handle",
    "case_comment",
    "case_pause",
    "knowledge_read",
  ],
});

const empty = () => json({ items: [], next_cursor: null });

function renderAt(path: string) {
  window.history.replaceState(null, "", path);
  render(<App />);
}

function menuLabels(): string[] {
  const menu = screen.getByRole("menu");
  return within(menu)
    .getAllByRole("menuitem")
    .map((item) => item.textContent);
}

describe("the console follows the permissions from /me", () => {
  beforeAll(async () => {
    await Promise.all([
      import("./layout/app-layout"),
      import("./routes/dashboard"),
      import("./routes/statistics"),
      import("./routes/audit"),
    ]);
  }, 120_000);

  it("offers a handler only the screens of a handler", async () => {
    setSession({ accessToken: "a", expiresAt: 0 });
    stubFetch({
      "GET /api/v1/me": () => json(HANDLER),
      "GET /api/v1/notifications": () => json({ items: [], next_cursor: null, unread: 0 }),
      "GET /api/v1/cases": empty,
    });
    renderAt("/dashboard");

    expect(await screen.findByTestId("dashboard-greeting")).toHaveTextContent("刘师傅");
    expect(menuLabels()).toEqual(["工作台", "工单队列", "客户", "知识库", "标准回复"]);
  });

  it("offers an agent registration, visits and statistics but no administration", async () => {
    setSession({ accessToken: "a", expiresAt: 0 });
    stubFetch({
      "GET /api/v1/me": () => json(AGENT),
      "GET /api/v1/notifications": () => json({ items: [], next_cursor: null, unread: 0 }),
      "GET /api/v1/cases": empty,
      "GET /api/v1/visits": empty,
      "GET /api/v1/stats/current": () =>
        json({
          at: "2026-12-06T08:00:00Z",
          open: 3,
          registered_today: 1,
          unassigned: 1,
          overdue: 0,
          awaiting_visit: 0,
        }),
      "GET /api/v1/stats/summary": () => json({}),
    });
    renderAt("/dashboard");

    expect(await screen.findByTestId("dashboard-greeting")).toBeInTheDocument();
    expect(menuLabels()).toEqual([
      "工作台",
      "登记",
      "工单队列",
      "回访",
      "客户",
      "知识库",
      "标准回复",
      "统计",
    ]);
  });

  it("shows one friendly page for a screen reached by address without its permission, asking nothing", async () => {
    setSession({ accessToken: "a", expiresAt: 0 });
    const fetch = stubFetch({
      "GET /api/v1/me": () => json(HANDLER),
      "GET /api/v1/notifications": () => json({ items: [], next_cursor: null, unread: 0 }),
    });
    renderAt("/statistics");

    expect(await screen.findByText("您的角色无法使用此页面")).toBeInTheDocument();
    expect(screen.getByTestId("not-allowed")).toBeInTheDocument();
    // The menu does not offer it either, and nothing was asked of the statistics endpoints.
    expect(menuLabels()).not.toContain("统计");
    await waitFor(() => {
      expect(requestsTo(fetch, "GET /api/v1/me")).toHaveLength(1);
    });
    expect(fetch.mock.calls.some(([r]) => r instanceof Request && r.url.includes("/stats/"))).toBe(false);
  });
});

describe("dashboards per role", () => {
  const can = (user: ReturnType<typeof aUser>) => (p: (typeof user.permissions)[number]) =>
    user.permissions.includes(p);
  const keys = (user: ReturnType<typeof aUser>) => cardsFor(user.role, can(user)).map((c) => c.key);

  it("gives each role its own cards, each backed by a permission the role holds", () => {
    expect(keys(AGENT)).toEqual(["figures", "registeredToday", "toDispatch", "visits", "myQueue"]);
    expect(keys(HANDLER)).toEqual(["myWork", "overdueWork", "departmentWork"]);
    expect(keys(aUser({ role: "manager" }))).toEqual([
      "figures",
      "escalatedCompany",
      "warnings",
      "departmentOverdue",
      "trend",
      "myQueue",
    ]);
    // Without the statistics permission no statistics card is offered, whatever the role.
    const noStats = aUser({
      role: "agent",
      permissions: AGENT.permissions.filter((p) => p !== "stats_read"),
    });
    expect(keys(noStats)).not.toContain("figures");
  });
});
