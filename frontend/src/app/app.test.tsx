import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeAll, describe, expect, it } from "vitest";
import { setSession } from "@/lib/session";
import { ALL_PERMISSIONS, aUser, tokens } from "@/testing/data";
import { json, problem, requestsTo, stubFetch } from "@/testing/fetch";
import { App } from "./app";

function renderAppAt(path: string) {
  window.history.replaceState(null, "", path);
  const user = userEvent.setup({ delay: null, pointerEventsCheck: 0 });
  render(<App />);
  return user;
}

/** What the signed-in layout and the dashboard ask for besides the page itself. */
const shell = {
  "GET /api/v1/notifications": () => json({ items: [], next_cursor: null, unread: 0 }),
  "GET /api/v1/visits": () => json({ items: [], next_cursor: null }),
  "GET /api/v1/warnings": () => json({ items: [], next_cursor: null }),
};

describe("App", () => {
  // Load the lazy screens once up front, so that no single test pays for it (slow on 2 cores).
  beforeAll(async () => {
    await Promise.all([
      import("./routes/login"),
      import("./layout/app-layout"),
      import("./routes/dashboard"),
      import("./routes/visits"),
      import("./routes/not-found"),
    ]);
  }, 120_000);

  it("sends a visitor to the login page and back to where they were going", async () => {
    const supervisor = aUser({
      display_name: "李主管",
      role: "supervisor",
      permissions: ALL_PERMISSIONS.filter(
        (p) => !["org_manage", "user_manage", "audit_read", "sla_manage"].includes(p),
      ),
    });
    stubFetch({
      ...shell,
      "POST /api/v1/auth/login": () => json(tokens(1, supervisor)),
      "GET /api/v1/me": () => json(supervisor),
    });
    const user = renderAppAt("/visits");

    await user.type(await screen.findByLabelText("用户名"), "li");
    expect(window.location.pathname + window.location.search).toBe("/login?next=%2Fvisits");
    await user.type(screen.getByLabelText("密码"), "secret");
    await user.click(screen.getByRole("button", { name: /登\s*录/ }));

    expect(await screen.findByRole("heading", { name: "回访" })).toBeInTheDocument();
    expect(window.location.pathname).toBe("/visits");
    expect(screen.getByTestId("user-name")).toHaveTextContent("李主管");
    // Administration is only offered to administrators.
    expect(screen.queryByRole("menuitem", { name: /管理/ })).not.toBeInTheDocument();
  });

  it("shows the dashboard with the side menu, and switches language", async () => {
    setSession({ accessToken: "access-1", expiresAt: 0 });
    stubFetch({
      ...shell,
      "GET /api/v1/me": () => json(aUser()),
      // The dashboard's figures, trend and queue.
      "GET /api/v1/stats/summary": () => problem(503),
      "GET /api/v1/stats/current": () => problem(503),
      "GET /api/v1/stats/breakdown": () => problem(503),
      "GET /api/v1/stats/trend": () => problem(503),
      "GET /api/v1/cases": () => json({ items: [], next_cursor: null }),
    });
    const user = renderAppAt("/");

    expect(await screen.findByTestId("dashboard-greeting")).toHaveTextContent("王管理，您好");
    expect(window.location.pathname).toBe("/dashboard");
    for (const label of ["工作台", "登记", "工单队列", "回访", "客户", "统计", "管理"]) {
      // The whole label ("客户", not the leads' "装修客户"); the icon may precede it.
      expect(screen.getByRole("menuitem", { name: new RegExp(`(^|\\s)${label}$`) })).toBeInTheDocument();
    }

    await user.click(screen.getByText("English"));

    expect(await screen.findByText("Hello, 王管理")).toBeInTheDocument();
    expect(screen.getByRole("menuitem", { name: /Queues/ })).toBeInTheDocument();
    expect(window.localStorage.getItem("huiyin.lang")).toBe("en");
    expect(document.documentElement.lang).toBe("en");
  });

  it("shows a 404 page for unknown addresses", async () => {
    setSession({ accessToken: "access-1", expiresAt: 0 });
    stubFetch({
      ...shell,
      "GET /api/v1/me": () => json(aUser()),
      "GET /api/v1/stats/summary": () => problem(503),
      "GET /api/v1/stats/current": () => problem(503),
      "GET /api/v1/stats/breakdown": () => problem(503),
      "GET /api/v1/stats/trend": () => problem(503),
      "GET /api/v1/cases": () => json({ items: [], next_cursor: null }),
    });
    const user = renderAppAt("/no/such/page");

    expect(await screen.findByText("页面不存在")).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: /返回工作台/ }));
    expect(await screen.findByTestId("dashboard-greeting")).toBeInTheDocument();
  });

  it("logs out: revokes the refresh token and lands on the plain login page", async () => {
    setSession({ accessToken: "access-1", expiresAt: 0 });
    const fetch = stubFetch({
      ...shell,
      "GET /api/v1/me": () => json(aUser()),
      "GET /api/v1/stats/summary": () => problem(503),
      "GET /api/v1/stats/current": () => problem(503),
      "GET /api/v1/stats/breakdown": () => problem(503),
      "GET /api/v1/stats/trend": () => problem(503),
      "GET /api/v1/cases": () => json({ items: [], next_cursor: null }),
      "POST /api/v1/auth/logout": () => new Response(null, { status: 204 }),
    });
    const user = renderAppAt("/dashboard");

    await user.click(await screen.findByTestId("user-menu"));
    await user.click(await screen.findByText("退出登录"));

    expect(await screen.findByLabelText("用户名")).toBeInTheDocument();
    expect(window.location.pathname + window.location.search).toBe("/login");
    expect(window.localStorage.getItem("huiyin.session")).toBeNull();
    const [logout] = requestsTo(fetch, "POST /api/v1/auth/logout");
    // The refresh cookie's login is ended; the request names the session (CSRF guard).
    expect(await logout?.json()).toEqual({});
    expect(logout?.headers.get("X-Requested-With")).toBe("staff");
  });

  it("goes to the login page when the session has expired for good", async () => {
    setSession({ accessToken: "access-1", expiresAt: 0 });
    stubFetch({
      ...shell,
      "GET /api/v1/me": () => problem(401),
      "POST /api/v1/auth/refresh": () => problem(401),
    });
    renderAppAt("/customers?q=王");

    expect(await screen.findByLabelText("用户名")).toBeInTheDocument();
    await waitFor(() => {
      expect(window.location.pathname).toBe("/login");
    });
    expect(new URLSearchParams(window.location.search).get("next")).toBe("/customers?q=%E7%8E%8B");
  });
});
