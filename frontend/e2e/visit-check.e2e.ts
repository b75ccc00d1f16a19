import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assertServerUp, BASE_URL, launch, screenshot, watchErrors } from "./browser";

const PASSWORD = "huiyin123";

type Json = Record<string, unknown>;

async function token(username: string, password: string): Promise<string> {
  const login = await fetch(`${BASE_URL}/api/v1/auth/login`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ username, password }),
  });
  expect(login.status, await login.clone().text()).toBe(200);
  return ((await login.json()) as { access_token: string }).access_token;
}

async function call(
  auth: string,
  method: string,
  path: string,
  body?: unknown,
  version?: number,
): Promise<Json> {
  const headers: Record<string, string> = { Authorization: `Bearer ${auth}` };
  if (body !== undefined) headers["Content-Type"] = "application/json";
  if (version !== undefined) headers["If-Match"] = `"${String(version)}"`;
  const response = await fetch(`${BASE_URL}${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  expect(response.status, `${method} ${path}: ${await response.clone().text()}`).toBeLessThan(300);
  return (await response.json()) as Json;
}

/**
 * A repair reported by letter 47 hours ago (its 48 h check is due within the hour), dispatched to
 * 工程部 through the API: returns its number.
 */
async function dispatchedLetterRepair(): Promise<{ id: string; number: string }> {
  const agent = await token("agent", PASSWORD);
  const projects = (await call(agent, "GET", "/api/v1/projects")) as {
    items: { id: string; name: string }[];
  };
  const project = projects.items.find((p) => p.name.includes("翠湖"));
  if (!project) throw new Error("no 翠湖花园 in the demo data");
  const properties = (await call(agent, "GET", `/api/v1/properties?project_id=${project.id}&limit=1`)) as {
    items: { id: string }[];
  };
  const departments = (await call(agent, "GET", "/api/v1/departments")) as {
    items: { id: string; name: string }[];
  };
  const engineering = departments.items.find((d) => d.name.includes("工程"));
  if (!engineering || !properties.items[0]) throw new Error("no 工程部 or property in the demo data");
  const reported = new Date(Date.now() - 47 * 3600 * 1000).toISOString();
  const created = await call(agent, "POST", "/api/v1/cases", {
    kind: "repair",
    channel: "letter",
    property_id: properties.items[0].id,
    customer: { name: "来信业主", phone: `137${String(Date.now()).slice(-8)}` },
    title: `来信报修：阳台漏水 ${String(Date.now()).slice(-6)}`,
    description: "业主来信：阳台下水管漏水",
    reported_at: reported,
  });
  await call(
    agent,
    "POST",
    `/api/v1/cases/${String(created.id)}/dispatch`,
    { department_id: engineering.id },
    created.version as number,
  );
  return { id: created.id as string, number: created.number as string };
}

async function login(page: Page, username: string) {
  await page.goto(`${BASE_URL}/login`);
  await page.locator("#username").fill(username);
  await page.locator("#password").fill(PASSWORD);
  await page.locator("button[type=submit]").click();
  await page.waitForURL(/\/dashboard$/);
}

describe("the 48 h check from the visit worklist", () => {
  let browser: Browser | undefined;

  beforeAll(async () => {
    await assertServerUp();
    browser = await launch();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it("records 'not done' and the case is back in the department's queue, dispatched twice", async () => {
    if (!browser) throw new Error("the browser did not start");
    const { id, number } = await dispatchedLetterRepair();

    const desk = await browser.newContext({ viewport: { width: 1400, height: 900 }, locale: "zh-CN" });
    const page = await desk.newPage();
    const errors = watchErrors(page);
    await login(page, "agent");
    await page.goto(`${BASE_URL}/visits`);
    // Two rows for the case: the 24 h contact check (overdue: the letter came 47 h ago) and the
    // 48 h outcome check, due within the hour.
    const row = page.locator("tr", { has: page.getByRole("link", { name: number }), hasText: "结果核查" });
    // The worklist is sorted by due time: load more until the new check shows up.
    for (let i = 0; i < 20 && (await row.count()) === 0; i += 1) {
      const more = page.getByRole("button", { name: /加载更多/ });
      if ((await more.count()) > 0) await more.click();
      await page.waitForTimeout(300);
    }
    await row.waitFor();
    await row.getByTestId("check-outcome").click();
    const option = page.locator(
      ".ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option",
      {
        hasText: "未完成",
      },
    );
    await option.first().click();
    await row.getByTestId("check-note").fill("业主说师傅没来");
    const recorded = page.waitForResponse(
      (r) => r.url().includes("/record") && r.request().method() === "POST",
    );
    await row.getByTestId("check-record").click();
    expect((await recorded).status()).toBe(200);
    await screenshot(page, "visit-check-not-done");
    expect(errors).toEqual([]);
    await desk.close();

    // The department's handler finds it in 本部门, dispatched a second time.
    const department = await browser.newContext({ viewport: { width: 1400, height: 900 }, locale: "zh-CN" });
    const handler = await department.newPage();
    await login(handler, "handler");
    await handler.getByRole("menuitem", { name: /工单/ }).first().click();
    await handler.getByRole("tab", { name: "本部门" }).click();
    const mine = handler.locator("tr", { has: handler.getByRole("link", { name: number }) });
    await mine.waitFor();
    await mine.getByRole("link", { name: number }).click();
    await handler.getByTestId("case-number").filter({ hasText: number }).waitFor();
    await handler.getByTestId("status-tag").first().filter({ hasText: "已派单" }).waitFor();
    await screenshot(handler, "visit-check-department-queue");
    await department.close();
    const after = await call(await token("agent", PASSWORD), "GET", `/api/v1/cases/${id}`);
    expect([after.status, after.dispatch_count]).toEqual(["dispatched", 2]);
  }, 120_000);
});
