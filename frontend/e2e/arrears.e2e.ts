import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assertServerUp, BASE_URL, launch, screenshot, watchErrors } from "./browser";

/** Every demo account but admin has this password (crates/server/src/seed/mod.rs). */
const DEMO_PASSWORD = "huiyin123";

async function login(page: Page, username: string) {
  await page.goto(`${BASE_URL}/login`);
  await page.getByLabel("用户名").fill(username);
  await page.getByLabel("密码").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: /登\s*录/ }).click();
  await page.waitForURL(/\/dashboard$/);
}

/** Picks `option` in the antd Select labelled `label`. */
async function choose(page: Page, label: string, option: string) {
  await page.getByLabel(label, { exact: true }).click();
  await page.locator(`.ant-select-item-option[title="${option}"]`).click();
}

describe("arrears and the shift handover on the demo data", () => {
  let browser: Browser | undefined;

  beforeAll(async () => {
    await assertServerUp();
    browser = await launch();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it("the steward filters their arrears and records a dispute that links a complaint", async () => {
    if (!browser) throw new Error("the browser did not start");
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: "zh-CN" });
    const page = await context.newPage();
    const errors = watchErrors(page);
    await login(page, "steward");
    await page.goto(`${BASE_URL}/arrears`);
    const rows = page.locator(".ant-table-row");
    await rows.first().waitFor();
    // The seeded dispute already shows its complaint.
    await page.locator('.ant-table-row a[href^="/cases/"]').first().waitFor();
    const listed = page.waitForResponse(
      (r) => r.url().includes("/api/v1/arrears?") && r.url().includes("min_months=6"),
    );
    await page.getByLabel("最少月数").fill("6");
    expect((await listed).status()).toBe(200);
    await screenshot(page, "arrears-steward-filtered");
    const uncontacted = rows.filter({ hasNot: page.locator('a[href^="/cases/"]') }).first();
    await uncontacted.getByTestId("arrears-contact").click();
    await choose(page, "结果", "有异议");
    await choose(page, "欠费原因", "服务纠纷");
    await page.getByLabel("备注").fill("业主称外墙渗水未修好，暂不缴费。");
    const recorded = page.waitForResponse(
      (r) => r.url().includes("/contacts") && r.request().method() === "POST",
    );
    await page.getByRole("button", { name: /提\s*交/ }).click();
    const response = await recorded;
    expect(response.status()).toBe(201);
    await page.getByText(/已记录，已关联投诉/).waitFor();
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);

  it("the manager records a legal decision on a 12+ month item", async () => {
    if (!browser) throw new Error("the browser did not start");
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: "zh-CN" });
    const page = await context.newPage();
    const errors = watchErrors(page);
    await login(page, "manager");
    await page.goto(`${BASE_URL}/arrears`);
    await page.locator(".ant-table-row").first().waitFor();
    const listed = page.waitForResponse(
      (r) => r.url().includes("/api/v1/arrears?") && r.url().includes("min_months=12"),
    );
    await page.getByLabel("最少月数").fill("12");
    await listed;
    const legal = page
      .locator(".ant-table-row")
      .filter({ has: page.getByTestId("stage-legal") })
      .first();
    await legal.getByRole("button", { name: "律师函决定" }).click();
    await page.getByLabel("理由").fill("欠费超过十二个月，多次催缴无果。");
    const decided = page.waitForResponse(
      (r) => r.url().endsWith("/legal-decision") && r.request().method() === "POST",
    );
    await page.getByRole("button", { name: /提\s*交/ }).click();
    expect((await decided).status()).toBe(200);
    await page.getByText("已记录决定").waitFor();
    await screenshot(page, "arrears-legal-decided");
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);

  it("an agent writes a handover, seeing the snapshot before saving", async () => {
    if (!browser) throw new Error("the browser did not start");
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: "zh-CN" });
    const page = await context.newPage();
    const errors = watchErrors(page);
    await login(page, "agent");
    await page.goto(`${BASE_URL}/handovers`);
    // The form's own snapshot preview (the list below shows earlier handovers' snapshots too).
    const form = page.locator(".ant-card").filter({ has: page.getByRole("button", { name: "保存交接班" }) });
    await form.getByTestId("handover-open-items").waitFor();
    await page.getByLabel("交接事项").fill("2栋水泵房报警已通知工程部。");
    await screenshot(page, "handover-before-save");
    const saved = page.waitForResponse(
      (r) => r.url().endsWith("/api/v1/handovers") && r.request().method() === "POST",
    );
    await form.getByRole("button", { name: "保存交接班" }).click();
    expect((await saved).status()).toBe(201);
    await page.getByText("已保存交接班记录").waitFor();
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);

  it("the next shift accepts the day shift's handover from the dashboard banner", async () => {
    if (!browser) throw new Error("the browser did not start");
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: "zh-CN" });
    const page = await context.newPage();
    const errors = watchErrors(page);
    await login(page, "agent2");
    const banner = page.getByTestId("pending-handover-banner");
    await banner.waitFor();
    await screenshot(page, "handover-banner");
    const accepted = page.waitForResponse(
      (r) => r.url().endsWith("/accept") && r.request().method() === "POST",
    );
    await banner
      .getByRole("button", { name: /签\s*收/ })
      .first()
      .click();
    expect((await accepted).status()).toBe(200);
    await page.getByText("已签收").first().waitFor();
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);
});
