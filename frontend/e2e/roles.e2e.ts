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

async function englishDefaults(page: Page): Promise<string[]> {
  const text = await page.locator("body").innerText();
  return ANTD_ENGLISH.filter((s) => text.includes(s));
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
        }
        await screenshot(page, `role-${username}-${language}-last`);

        expect(untranslated, "antd English defaults in the Chinese console").toEqual([]);
        expect(problems, "4xx/5xx answers or console errors").toEqual([]);
        await context.close();
      }, 180_000);
    }
  }
});
