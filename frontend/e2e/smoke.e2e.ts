import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assertServerUp, BASE_URL, launch, screenshot, watchErrors } from "./browser";

const USERNAME = process.env.E2E_USERNAME ?? "admin";
const PASSWORD = process.env.E2E_PASSWORD ?? "admin123";

describe("smoke", () => {
  let browser: Browser | undefined;

  beforeAll(async () => {
    await assertServerUp();
    browser = await launch();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it("logs in, shows the dashboard and switches to English", async () => {
    if (!browser) throw new Error("the browser did not start");
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: "zh-CN" });
    const page = await context.newPage();
    const errors = watchErrors(page);

    await page.goto(`${BASE_URL}/login`);
    await page.getByLabel("用户名").fill(USERNAME);
    await page.getByLabel("密码").fill(PASSWORD);
    await screenshot(page, "01-login");
    await page.getByRole("button", { name: /登\s*录/ }).click();

    await page.waitForURL(/\/dashboard$/);
    const greeting = page.getByTestId("dashboard-greeting");
    await greeting.waitFor();
    expect(await greeting.textContent()).toMatch(/您好/);
    await page.getByRole("menuitem", { name: /工单队列/ }).waitFor();
    await screenshot(page, "02-dashboard-zh");

    await page.getByTestId("language-switch").getByText("English").click();
    await page.getByRole("menuitem", { name: /Queues/ }).waitFor();
    expect(await greeting.textContent()).toMatch(/^Hello, /);
    await screenshot(page, "03-dashboard-en");

    // Tablet portrait: the side menu collapses to icons.
    await page.setViewportSize({ width: 820, height: 1180 });
    await page.waitForTimeout(300);
    await screenshot(page, "04-dashboard-tablet");

    expect(errors).toEqual([]);
    await context.close();
  });
});
