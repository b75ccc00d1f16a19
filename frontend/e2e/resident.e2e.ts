import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assertServerUp, BASE_URL, launch, screenshot, watchErrors } from "./browser";

const PHONE = "13800138000";
const PASSWORD = "huiyin123";

/** A valid 1×1 PNG, from its bytes. */
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==",
  "base64",
);

interface StaffCase {
  version: number;
}

/** The staff steps (dispatch → resolve → reply) through the API as admin. */
async function staffHandles(caseId: string): Promise<void> {
  const login = await fetch(`${BASE_URL}/api/v1/auth/login`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ username: "admin", password: "admin123" }),
  });
  const { access_token: token } = (await login.json()) as { access_token: string };
  const auth = { Authorization: `Bearer ${token}` };
  const departments = (await (await fetch(`${BASE_URL}/api/v1/departments`, { headers: auth })).json()) as {
    items: { id: string; name: string }[];
  };
  const engineering = departments.items.find((d) => d.name.includes("工程"));
  if (!engineering) throw new Error("no 工程部 in the demo data");
  let current = (await (
    await fetch(`${BASE_URL}/api/v1/cases/${caseId}`, { headers: auth })
  ).json()) as StaffCase;
  const steps: [string, unknown][] = [
    ["dispatch", { department_id: engineering.id }],
    ["resolve", { result: "已更换水龙头。" }],
    ["reply", { content: "已修好，请评价。", method: "app" }],
  ];
  for (const [action, body] of steps) {
    const response = await fetch(`${BASE_URL}/api/v1/cases/${caseId}/${action}`, {
      method: "POST",
      headers: { ...auth, "Content-Type": "application/json", "If-Match": `"${String(current.version)}"` },
      body: JSON.stringify(body),
    });
    expect(response.status, `${action}: ${await response.clone().text()}`).toBe(200);
    current = (await response.json()) as StaffCase;
  }
}

describe("the resident page", () => {
  let browser: Browser | undefined;

  beforeAll(async () => {
    await assertServerUp();
    browser = await launch();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it("logs in, reports a repair with a photo, sees it with its progress, opens it, rates it", async () => {
    if (!browser) throw new Error("the browser did not start");
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: "zh-CN" });
    const page = await context.newPage();
    const errors = watchErrors(page);
    const title = `厨房水龙头漏水 ${String(Date.now()).slice(-6)}`;

    await page.goto(`${BASE_URL}/resident`);
    await page.getByLabel("手机号").fill(PHONE);
    await page.getByLabel("密码").fill(PASSWORD);
    await screenshot(page, "resident-login");
    await page.getByRole("button", { name: /登\s*录/ }).click();
    await page.getByTestId("resident-report").waitFor();
    expect(await page.evaluate(() => window.localStorage.getItem("huiyin.session"))).toBeNull();

    await page.getByTestId("resident-report").click();
    await page.locator("#resident-property").click();
    const option = page.locator(
      ".ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option",
      {
        hasText: "1栋",
      },
    );
    await option.first().click();
    await page.getByLabel("标题").fill(title);
    await page.getByLabel("描述").fill("厨房水龙头一直滴水。");
    await page
      .getByTestId("resident-photo")
      .setInputFiles({ name: "leak.png", mimeType: "image/png", buffer: PNG });
    await screenshot(page, "resident-report");
    const created = page.waitForResponse(
      (r) => r.url().endsWith("/api/v1/resident/cases") && r.request().method() === "POST",
    );
    const uploaded = page.waitForResponse(
      (r) => r.url().includes("/attachments") && r.request().method() === "POST",
    );
    await page.getByTestId("resident-submit").click();
    const createdResponse = await created;
    expect(createdResponse.status()).toBe(201);
    expect(createdResponse.request().headers()["idempotency-key"]).toBeTruthy();
    expect((await uploaded).status()).toBe(201);
    const { id } = (await createdResponse.json()) as { id: string };

    await page.waitForURL(new RegExp(`/resident/cases/${id}$`));
    await page.getByTestId("resident-photos").filter({ hasText: "leak.png" }).waitFor();

    await page.goto(`${BASE_URL}/resident`);
    const row = page.getByTestId("resident-case").filter({ hasText: title });
    await row.waitFor();
    expect((await row.textContent())?.length).toBeGreaterThan(title.length);
    await screenshot(page, "resident-list");
    await row.click();
    await page.waitForURL(new RegExp(`/resident/cases/${id}$`));
    await page.getByTestId("resident-status").waitFor();
    await screenshot(page, "resident-detail");

    await staffHandles(id);
    await page.reload();
    await page.getByTestId("rate-satisfied").click();
    await page.getByTestId("resident-status").filter({ hasText: "已关闭" }).waitFor();
    await page.getByTestId("rate-result").filter({ hasText: "已关闭" }).waitFor();
    await screenshot(page, "resident-rated");

    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);
});
