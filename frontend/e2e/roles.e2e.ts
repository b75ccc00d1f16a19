import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assertServerUp, BASE_URL, launch, screenshot } from "./browser";

/** The demo logins (README), one per role. */
const ROLES = [
  { username: "admin", password: "admin123" },
  { username: "manager", password: "huiyin123" },
  { username: "supervisor", password: "huiyin123" },
  { username: "agent", password: "huiyin123" },
  { username: "steward", password: "huiyin123" },
  { username: "handler", password: "huiyin123" },
  { username: "customer_manager", password: "huiyin123" },
  { username: "designer", password: "huiyin123" },
  { username: "design_manager", password: "huiyin123" },
] as const;

const LANGUAGES = ["zh-CN", "en"] as const;

/**
 * antd's English defaults (empty tables, pagination, pickers, modals, upload, transfer…): in the
 * Chinese console none of them may show up, which would mean a component outside the locale.
 */
const ANTD_ENGLISH = [
  "No data",
  "No Data",
  "/ page",
  "Go to",
  "items/page",
  "Select date",
  "Select time",
  "Start date",
  "End date",
  "Select month",
  "Select week",
  "Search here",
  "Expand row",
  "Collapse row",
  "Filter menu",
  "Click to sort",
  "Please select",
];

/** Every 4xx/5xx answer and every console error of the page, to assert that none happened. */
function watch(page: Page): string[] {
  const problems: string[] = [];
  page.on("response", (response) => {
    if (response.status() >= 400)
      problems.push(`${response.status()} ${response.request().method()} ${response.url()}`);
  });
  page.on("pageerror", (error) => problems.push(`pageerror: ${error.message}`));
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(`console: ${message.text()}`);
  });
  return problems;
}

async function settle(page: Page): Promise<void> {
  await page.waitForLoadState("networkidle");
  // Lazy chunks and React Query's follow-up requests.
  await page.waitForTimeout(400);
  await page.waitForLoadState("networkidle");
}

/**
 * Clicks every tab of the open screen (antd renders a tab's panel, and asks for its data, only
 * when it is first shown), so a tab the role may not use would show up as a 4xx too.
 */
async function walkTabs(page: Page, label: string, untranslated: string[], chinese: boolean): Promise<void> {
  const tabs = page.locator("main [role=tab]");
  const count = await tabs.count();
  for (let i = 0; i < count; i += 1) {
    const tab = tabs.nth(i);
    if (!(await tab.isVisible()) || (await tab.getAttribute("aria-disabled")) === "true") continue;
    const name = (await tab.innerText()).trim();
    await tab.click();
    await settle(page);
    expect(await page.getByTestId("not-allowed").count(), `${label} › ${name} not allowed`).toBe(0);
    if (chinese) for (const s of await englishDefaults(page)) untranslated.push(`${label} › ${name}: ${s}`);
  }
}

async function englishDefaults(page: Page): Promise<string[]> {
  const text = await page.locator("body").innerText();
  // Placeholders (date pickers, selects, searches) are attributes, not text.
  const placeholders = await page
    .locator("[placeholder]")
    .evaluateAll((nodes) => nodes.map((n) => n.getAttribute("placeholder") ?? "").join("\n"));
  return ANTD_ENGLISH.filter((s) => text.includes(s) || placeholders.includes(s));
}

describe("every role walks its whole menu in both languages", () => {
  let browser: Browser | undefined;

  beforeAll(async () => {
    await assertServerUp();
    browser = await launch();
  });

  afterAll(async () => {
    await browser?.close();
  });

  for (const language of LANGUAGES) {
    for (const { username, password } of ROLES) {
      it(`${username} in ${language}`, async () => {
        if (!browser) throw new Error("the browser did not start");
        const context = await browser.newContext({
          viewport: { width: 1440, height: 900 },
          locale: language,
        });
        await context.addInitScript((lang) => {
          window.localStorage.setItem("huiyin.lang", lang);
        }, language);
        const page = await context.newPage();
        const problems = watch(page);

        await page.goto(`${BASE_URL}/login`);
        await page.locator("#username").fill(username);
        await page.locator("#password").fill(password);
        await page.locator("button[type=submit]").click();
        await page.waitForURL(/\/dashboard$/);
        await page.getByTestId("dashboard-greeting").waitFor();
        await settle(page);
        // No card may stay a skeleton (20 s is far beyond any answer of the demo) or show an error.
        await page.waitForFunction(() => !document.querySelector("[data-testid$='-loading']"), null, {
          timeout: 20_000,
        });
        expect(await page.locator("[data-testid$='-error']").count(), "cards in error").toBe(0);
        await screenshot(page, `role-${username}-${language}-dashboard`);

        const items = page.getByRole("menu").getByRole("menuitem");
        const count = await items.count();
        expect(count).toBeGreaterThan(1);
        const untranslated: string[] = [];
        for (let i = 0; i < count; i += 1) {
          const label = (await items.nth(i).innerText()).trim();
          await items.nth(i).click();
          await settle(page);
          expect(await page.getByTestId("not-allowed").count(), `${label} offered but not allowed`).toBe(0);
          if (language === "zh-CN") {
            for (const s of await englishDefaults(page)) untranslated.push(`${label}: ${s}`);
          }
          await walkTabs(page, label, untranslated, language === "zh-CN");
        }
        await screenshot(page, `role-${username}-${language}-last`);

        expect(untranslated, "antd English defaults in the Chinese console").toEqual([]);
        expect(problems, "4xx/5xx answers or console errors").toEqual([]);
        await context.close();
      }, 300_000);
    }
  }
});

/** A signed-in page for one demo login (zh-CN), with its 4xx/5xx and console errors watched. */
async function signIn(browser: Browser, username: string): Promise<{ page: Page; problems: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: "zh-CN" });
  await context.addInitScript(() => {
    window.localStorage.setItem("huiyin.lang", "zh-CN");
  });
  const page = await context.newPage();
  const problems = watch(page);
  await page.goto(`${BASE_URL}/login`);
  await page.locator("#username").fill(username);
  await page.locator("#password").fill(username === "admin" ? "admin123" : "huiyin123");
  await page.locator("button[type=submit]").click();
  await page.waitForURL(/\/dashboard$/);
  await settle(page);
  return { page, problems };
}

/** Opens a screen by its address, as a bookmark or a link would. */
async function open(page: Page, path: string): Promise<void> {
  await page.goto(`${BASE_URL}${path}`);
  await settle(page);
}

async function clickTab(page: Page, name: string): Promise<void> {
  await page.locator("main [role=tab]", { hasText: name }).first().click();
  await settle(page);
}

describe("company configuration follows the permissions from /me", () => {
  let browser: Browser | undefined;

  beforeAll(async () => {
    await assertServerUp();
    browser = await launch();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it("a manager reads the SLA policies, calendar, warning rules and categories without editors", async () => {
    if (!browser) throw new Error("the browser did not start");
    const { page, problems } = await signIn(browser, "manager");

    await open(page, "/deadlines");
    await page.getByTestId("config-read-only").first().waitFor();
    expect(await page.getByTestId("policy-new").count(), "new policy offered").toBe(0);
    await clickTab(page, "工作日历");
    await page.getByTestId("config-read-only").first().waitFor();
    expect(await page.locator("main button[type=submit]").count(), "calendar save offered").toBe(0);
    await clickTab(page, "升级联系人");
    await clickTab(page, "预警规则");
    await page.getByTestId("config-read-only").first().waitFor();
    expect(await page.locator("main button[type=submit]").count(), "rules save offered").toBe(0);
    await clickTab(page, "派单规则");
    await page.getByTestId("routing-table").waitFor();
    await page.getByTestId("config-read-only").first().waitFor();
    expect(await page.getByTestId("routing-new").count(), "new routing rule offered").toBe(0);
    expect(await page.locator("main [role=tab]", { hasText: "Webhook" }).count()).toBe(0);

    await open(page, "/admin");
    expect(await page.locator("main [role=tab]", { hasText: "API 密钥" }).count(), "API keys offered").toBe(
      0,
    );
    await clickTab(page, "分类");
    await page.locator("main").getByText("水电维修").first().waitFor();
    expect(await page.getByTestId("admin-categories-create").count(), "new category offered").toBe(0);
    expect(await page.getByTestId("admin-categories-edit").count(), "edit category offered").toBe(0);
    // Who makes the return visits is the project's managers' to set.
    await clickTab(page, "项目");
    await page.getByTestId("admin-projects-visit-settings").first().click();
    await page.getByTestId("visit-settings-save").waitFor();
    await screenshot(page, "manager-visit-settings");

    expect(problems, "4xx/5xx answers or console errors").toEqual([]);
    await page.context().close();
  }, 120_000);

  it("the admin edits them", async () => {
    if (!browser) throw new Error("the browser did not start");
    const { page, problems } = await signIn(browser, "admin");
    await open(page, "/deadlines");
    await page.getByTestId("policy-new").waitFor();
    expect(await page.getByTestId("config-read-only").count()).toBe(0);
    await clickTab(page, "派单规则");
    await page.getByTestId("routing-new").waitFor();
    await open(page, "/admin");
    await clickTab(page, "分类");
    await page.getByTestId("admin-categories-create").waitFor();
    expect(problems, "4xx/5xx answers or console errors").toEqual([]);
    await page.context().close();
  }, 120_000);

  for (const username of ["supervisor", "agent", "steward", "handler"]) {
    it(`${username} reaching the configuration by its address sees the friendly page`, async () => {
      if (!browser) throw new Error("the browser did not start");
      const { page, problems } = await signIn(browser, username);
      for (const path of ["/deadlines", "/admin"]) {
        await open(page, path);
        await page.getByTestId("not-allowed").waitFor();
      }
      expect(problems, "4xx/5xx answers or console errors").toEqual([]);
      await page.context().close();
    }, 120_000);
  }

  it("the approvals card's link opens the design manager's lost-lead queue", async () => {
    if (!browser) throw new Error("the browser did not start");
    const { page, problems } = await signIn(browser, "design_manager");
    await open(page, "/leads?status=lost_pending");
    await page.locator("main [role=tab][aria-selected=true]", { hasText: "跑单确认" }).waitFor();
    await page.getByTestId("lost-queue").waitFor();
    expect(problems, "4xx/5xx answers or console errors").toEqual([]);
    await page.context().close();
  }, 120_000);
});
