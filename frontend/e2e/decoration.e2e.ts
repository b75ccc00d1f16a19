import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assertServerUp, BASE_URL, launch, screenshot, watchErrors } from "./browser";

const PASSWORD = "huiyin123";

async function login(browser: Browser, username: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: "zh-CN" });
  await context.addInitScript(() => {
    window.localStorage.setItem("huiyin.lang", "zh-CN");
  });
  const page = await context.newPage();
  await page.goto(`${BASE_URL}/login`);
  await page.locator("#username").fill(username);
  await page.locator("#password").fill(PASSWORD);
  await page.locator("button[type=submit]").click();
  await page.waitForURL(/\/dashboard$/);
  return page;
}

/** Picks an option in an antd Select (the dropdown is rendered in a portal). */
async function choose(page: Page, select: Locator, option: string) {
  await select.click();
  const item = page.locator(".ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option", {
    hasText: option,
  });
  await item.first().waitFor();
  await item.first().click();
  await item.first().waitFor({ state: "hidden" });
}

/** Clicks `button` and waits for the POST to `path` to answer 200. */
async function post(page: Page, button: Locator, path: string) {
  const response = page.waitForResponse((r) => r.url().includes(path) && r.request().method() === "POST");
  await button.click();
  const answer = await response;
  expect(answer.status(), `${path}: ${await answer.text()}`).toBe(200);
}

describe("a decoration lead from registration to a confirmed loss", () => {
  let browser: Browser | undefined;

  beforeAll(async () => {
    await assertServerUp();
    browser = await launch();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it("registers, dispatches (one designer over the daily cap), measures, loses as failed signing, confirms", async () => {
    if (!browser) throw new Error("the browser did not start");
    const name = `端到端${String(Date.now()).slice(-5)}`;
    const phone = `137${String(Date.now()).slice(-8)}`;

    // The customer manager registers a small lead.
    const cm = await login(browser, "customer_manager");
    const cmErrors = watchErrors(cm);
    await cm.getByRole("menuitem", { name: /客户资源/ }).click();
    await cm.waitForURL(/\/leads$/);
    await cm.getByTestId("register-lead").click();
    const register = cm.locator(".ant-modal-content");
    await register.getByTestId("lead-name").fill(name);
    await register.getByTestId("lead-phone").fill(phone);
    await register.getByTestId("lead-address").fill("海岸城 3栋 1201");
    await register.getByTestId("lead-budget").fill("20000.00");
    const created = cm.waitForResponse(
      (r) => r.url().endsWith("/api/v1/leads") && r.request().method() === "POST",
    );
    await register.locator(".ant-modal-footer .ant-btn-primary").click();
    expect((await created).status()).toBe(201);
    await register.waitFor({ state: "detached" });

    // Its page: dispatch. The vice-director already got two leads today.
    await cm.getByTestId("column-new").getByText(name).click();
    const drawer = cm.getByTestId("lead-drawer");
    await drawer.getByTestId("lead-status").filter({ hasText: "新登记" }).waitFor();
    const number = (await cm.locator(".ant-drawer-title").innerText()).trim();
    expect(number).toMatch(/^XS-\d{8}-\d{4}$/);
    await drawer.getByTestId("dispatch-lead").click();
    const dialog = cm.locator(".ant-modal-content").filter({ has: cm.getByTestId("eligible-designers") });
    const capped = dialog.locator("tbody tr", { hasText: "郑副主任" });
    await capped.getByText("已达每日上限").waitFor();
    const eligible = dialog
      .locator("tbody tr")
      .filter({ has: cm.locator(".ant-tag-green") })
      .first();
    await eligible.getByRole("radio").check();
    await screenshot(cm, "decoration-dispatch");
    await post(cm, dialog.locator(".ant-modal-footer .ant-btn-primary"), "/dispatch");
    await dialog.waitFor({ state: "detached" });
    await drawer.getByTestId("lead-status").filter({ hasText: "已派单" }).waitFor();

    // Measured, then lost after measuring: only "failed signing" may be chosen.
    await post(cm, drawer.getByTestId("measure-lead"), "/measure");
    await drawer.getByTestId("lead-status").filter({ hasText: "已量房" }).waitFor();
    await drawer.getByTestId("lose-lead").click();
    const lose = cm.locator(".ant-modal-content").filter({ hasText: "跑单类型" });
    expect(await lose.getByRole("radio", { name: "无效单" }).isDisabled()).toBe(true);
    expect(await lose.getByRole("radio", { name: "签单失败" }).isChecked()).toBe(true);
    await choose(cm, lose.getByTestId("loss-reason"), "价格原因");
    await lose.getByTestId("loss-statement").fill("别家报价便宜两万，已经签了");
    await post(cm, lose.locator(".ant-modal-footer .ant-btn-primary"), "/lose");
    await drawer.getByTestId("lead-status").filter({ hasText: "跑单待确认" }).waitFor();
    expect(cmErrors).toEqual([]);
    await cm.context().close();

    // The design manager confirms it on the second call.
    const dm = await login(browser, "design_manager");
    const dmErrors = watchErrors(dm);
    await dm.getByRole("menuitem", { name: /客户资源/ }).click();
    await dm.waitForURL(/\/leads$/);
    await dm.getByRole("tab", { name: "跑单确认" }).click();
    const queue = dm.getByTestId("lost-queue");
    await queue.getByText(`${number} · ${name}`).waitFor();
    await queue.getByTestId(`confirm-note-${number}`).fill("二次回访：客户确认已与别家签约");
    await post(dm, queue.getByTestId(`confirm-loss-${number}`), "/lose/confirm");
    await queue.getByText(`${number} · ${name}`).waitFor({ state: "detached" });
    await dm.getByRole("tab", { name: "看板" }).click();
    await dm.getByTestId("column-lost").getByText(number).waitFor();
    await screenshot(dm, "decoration-confirmed");
    expect(dmErrors).toEqual([]);
    await dm.context().close();
  }, 120_000);
});
