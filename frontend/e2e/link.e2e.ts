import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assertServerUp, BASE_URL, launch, screenshot, watchErrors } from "./browser";

const USERNAME = process.env.E2E_USERNAME ?? "admin";
const PASSWORD = process.env.E2E_PASSWORD ?? "admin123";

async function apiToken(): Promise<string> {
  const response = await fetch(`${BASE_URL}/api/v1/auth/login`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ username: USERNAME, password: PASSWORD }),
  });
  expect(response.status).toBe(200);
  const body = (await response.json()) as { access_token: string };
  return body.access_token;
}

async function call<T>(token: string, method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${BASE_URL}${path}`, {
    method,
    headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  expect(response.ok, `${method} ${path}: ${response.status}`).toBe(true);
  return (await response.json()) as T;
}

interface Created {
  id: string;
  number: string;
}

describe("one incident, many callers", () => {
  let browser: Browser | undefined;

  beforeAll(async () => {
    await assertServerUp();
    browser = await launch();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it("links a caller's case to an incident from the case page and shows both sides", async () => {
    if (!browser) throw new Error("the browser did not start");
    const token = await apiToken();
    const properties = await call<{ items: { id: string }[] }>(
      token,
      "GET",
      "/api/v1/properties?q=101&limit=1",
    );
    const property = properties.items[0]?.id;
    expect(property).toBeDefined();
    const stamp = String(Date.now()).slice(-8);
    const incident = await call<Created>(token, "POST", "/api/v1/cases", {
      kind: "incident",
      channel: "phone",
      severity: "major",
      property_id: property,
      title: `主水管爆裂 ${stamp}`,
      description: "地下室主水管爆裂，全栋停水。",
    });
    const callerCase = await call<Created>(token, "POST", "/api/v1/cases", {
      kind: "repair",
      channel: "phone",
      severity: "normal",
      property_id: property,
      customer: { name: "关联来电", phone: `138${stamp}` },
      title: "家里停水",
      description: "早上起来没有水。",
    });

    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "zh-CN" });
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(`${BASE_URL}/login`);
    await page.getByLabel("用户名").fill(USERNAME);
    await page.getByLabel("密码").fill(PASSWORD);
    await page.getByRole("button", { name: /登\s*录/ }).click();
    await page.waitForURL(/\/dashboard$/);

    await page.goto(`${BASE_URL}/cases/${callerCase.id}`);
    await page.getByTestId("action-link").click();
    const modal = page.locator(".ant-modal-content");
    await modal.waitFor();
    const search = page.waitForResponse((r) => r.url().includes("kind=incident") && r.ok());
    await modal.getByTestId("link-picker").click();
    await modal.getByTestId("link-picker").locator("input").fill(incident.number);
    await search;
    const option = page.locator(
      ".ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option",
      {
        hasText: incident.number,
      },
    );
    await option.first().click();
    const linked = page.waitForResponse((r) => r.url().endsWith("/link") && r.request().method() === "POST");
    await modal.getByRole("button", { name: /关\s*联/ }).click();
    expect((await linked).status()).toBe(200);
    const parent = page.getByTestId("case-parent");
    await parent.getByRole("link", { name: incident.number }).waitFor();
    await screenshot(page, "link-child");

    await parent.getByRole("link", { name: incident.number }).click();
    await page.waitForURL(new RegExp(`/cases/${incident.id}$`));
    await page.getByTestId("case-children").getByRole("link", { name: callerCase.number }).waitFor();
    await screenshot(page, "link-incident");
    expect(errors).toEqual([]);
    await context.close();
  });
});
