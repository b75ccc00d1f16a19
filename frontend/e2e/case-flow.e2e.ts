import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assertServerUp, BASE_URL, launch, screenshot, watchErrors } from "./browser";

const USERNAME = process.env.E2E_USERNAME ?? "admin";
const PASSWORD = process.env.E2E_PASSWORD ?? "admin123";

/** Picks an option in an antd Select (the dropdown is rendered in a portal). */
async function choose(page: Page, select: Locator, option: string | RegExp) {
  await select.click();
  const item = page.locator(".ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option", {
    hasText: option,
  });
  await item.first().waitFor();
  await item.first().click();
  // Wait for the list to close: while it fades out it can cover the next field.
  await item.first().waitFor({ state: "hidden" });
}

/** Opens an action's modal, lets `fill` fill it, submits, and waits for the case to update. */
async function act(page: Page, action: string, fill: (modal: Locator) => Promise<void>) {
  await page.getByTestId(`action-${action}`).click();
  const modal = page.locator(".ant-modal-content");
  await modal.waitFor();
  await fill(modal);
  const response = page.waitForResponse(
    (r) => r.url().includes(`/${action}`) && r.request().method() === "POST",
  );
  await page.locator("#action-submit").click();
  expect((await response).status()).toBe(200);
  await modal.waitFor({ state: "detached" });
}

async function statusIs(page: Page, text: string) {
  await page.getByTestId("status-tag").first().filter({ hasText: text }).waitFor();
}

describe("a complaint from intake to closed, with a second dispatch", () => {
  let browser: Browser | undefined;

  beforeAll(async () => {
    await assertServerUp();
    browser = await launch();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it("registers, dispatches, resolves, replies, visits (dissatisfied → second dispatch), closes", async () => {
    if (!browser) throw new Error("the browser did not start");
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "zh-CN" });
    const page = await context.newPage();
    const errors = watchErrors(page);
    const phone = `139${String(Date.now()).slice(-8)}`;

    await page.goto(`${BASE_URL}/login`);
    await page.getByLabel("用户名").fill(USERNAME);
    await page.getByLabel("密码").fill(PASSWORD);
    await page.getByRole("button", { name: /登\s*录/ }).click();
    await page.waitForURL(/\/dashboard$/);

    // Intake: the caller is not known yet.
    await page.getByRole("menuitem", { name: /登记/ }).click();
    await page.waitForURL(/\/intake$/);
    const lookup = page.waitForResponse((r) => r.url().includes("/api/v1/customers?") && r.ok());
    await page.getByPlaceholder("输入电话、姓名或房号").fill(phone);
    await lookup;
    await page.getByText("未找到客户").waitFor();
    await page.getByTestId("new-name").fill("端到端测试");
    await page.getByTestId("new-phone").fill(phone);
    await choose(page, page.getByTestId("project-select"), "翠湖花园");
    const properties = page.waitForResponse(
      (r) => r.url().includes("/api/v1/properties?") && r.url().includes("q=") && r.ok(),
    );
    await page.getByTestId("property-select").click();
    await page.getByTestId("property-select").locator("input").fill("101");
    await properties;
    await choose(page, page.getByTestId("property-select"), /101/);
    await page.getByTestId("case-title").fill("楼上漏水");
    await page.getByTestId("case-description").fill("业主来电：卫生间天花板漏水，请尽快处理。");
    await screenshot(page, "10-intake-filled");
    const created = page.waitForResponse(
      (r) => r.url().endsWith("/api/v1/cases") && r.request().method() === "POST",
    );
    await page.getByTestId("case-description").press("Control+Enter");
    expect((await created).status()).toBe(201);
    const number = (await page.getByTestId("created-number").textContent()) ?? "";
    expect(number).toMatch(/^TS-\d{8}-\d{4}/);
    await screenshot(page, "11-intake-created");

    // Case detail.
    await page.getByTestId("created-link").click();
    await page.waitForURL(/\/cases\//);
    await statusIs(page, "已登记");
    await screenshot(page, "12-case-registered");

    const dispatch = async () => {
      await act(page, "dispatch", async (modal) => {
        await choose(page, modal.getByTestId("department-select"), "工程部");
        await choose(page, modal.getByTestId("assignee-select"), "王师傅");
      });
      await statusIs(page, "已派单");
    };
    const resolve = async () => {
      await act(page, "resolve", async (modal) => {
        await modal.getByTestId("field-result").fill("已更换防水层，漏水已止。");
      });
      await statusIs(page, "已处理");
    };
    const reply = async () => {
      await act(page, "reply", async (modal) => {
        await modal.getByTestId("field-content").fill("已电话告知业主处理结果。");
      });
      await statusIs(page, "待回访");
    };

    // A complaint is verified before it is dispatched (the project's default process, issue #19).
    await act(page, "verify", async (modal) => {
      await modal.locator("textarea").first().fill("已电话核实，楼上防水层破损属实。");
    });
    await page.getByTestId("action-dispatch").waitFor();
    await dispatch();
    await screenshot(page, "13-case-dispatched");
    await resolve();
    await screenshot(page, "14-case-resolved");
    await reply();
    await screenshot(page, "15-case-replied");

    await act(page, "visit", async (modal) => {
      await modal.getByText("不满意", { exact: true }).click();
    });
    await statusIs(page, "已派单");
    expect(await page.getByTestId("dispatch-count").textContent()).toBe("2");
    await screenshot(page, "16-visit-dissatisfied-second-dispatch");

    await resolve();
    await reply();
    await screenshot(page, "17-second-reply");
    await act(page, "visit", async (modal) => {
      await modal.getByText("满意", { exact: true }).click();
    });
    await statusIs(page, "已关闭");
    await screenshot(page, "18-case-closed");

    // The other screens against the real server.
    const caseUrl = page.url();
    await page.getByRole("menuitem", { name: /工单队列/ }).click();
    await page.getByText(/已显示 \d+ 条/).waitFor();
    await page.getByRole("tab", { name: "已超时" }).click();
    await page.getByText(/已显示 \d+ 条/).waitFor();
    await screenshot(page, "20-queues");
    await page.getByRole("menuitem", { name: /回访/ }).click();
    await page.getByText("点击满意度即记录").waitFor();
    await screenshot(page, "21-visits");
    await page.getByRole("menuitem", { name: /客户$/ }).click();
    await page.getByPlaceholder("电话、姓名或房号").fill(phone);
    await page.getByPlaceholder("电话、姓名或房号").press("Enter");
    await page.getByText("端到端测试").first().click();
    await page.getByText(number).waitFor();
    await screenshot(page, "22-customer");
    await page.getByRole("menuitem", { name: /统计/ }).click();
    await page.getByTestId("summary-created").waitFor();
    // The month's warnings, read from the JSON report: the count and the table (rows or empty).
    await page
      .getByTestId("month-warnings-count")
      .getByText(/^[\d,]+$/)
      .waitFor();
    await page.getByTestId("month-warnings-table").waitFor();
    await screenshot(page, "23-statistics");
    await page.getByRole("menuitem", { name: /管理/ }).click();
    await page.getByRole("cell", { name: "handler", exact: true }).waitFor();
    await screenshot(page, "24-admin");

    // Deadline settings: a new SLA policy, durations typed in hours, sent in seconds.
    await page.getByRole("menuitem", { name: /时限设置/ }).click();
    await page.waitForURL(/\/deadlines$/);
    await page.getByTestId("policy-new").click();
    const policy = page.locator(".ant-modal-content");
    await policy.waitFor();
    await choose(page, policy.getByTestId("policy-kind"), "表扬");
    await choose(page, policy.getByTestId("policy-severity"), "紧急");
    const verifyHours = policy.getByTestId("duration-verify_secs").getByRole("spinbutton", { name: "小时" });
    await verifyHours.fill("2");
    const createdPolicy = page.waitForResponse(
      (r) => r.url().endsWith("/api/v1/sla-policies") && r.request().method() === "POST",
    );
    await page.locator("#policy-submit").click();
    const policyResponse = await createdPolicy;
    expect(policyResponse.status()).toBe(201);
    // What the server stored (the request body is a stream Playwright does not expose).
    expect(await policyResponse.json()).toMatchObject({
      kind: "praise",
      severity: "urgent",
      durations: { verify_secs: 7200 },
    });
    await policy.waitFor({ state: "detached" });
    await page.getByRole("row", { name: /表扬.*紧急.*2 小时/ }).waitFor();
    await screenshot(page, "25-sla-policies");
    await page.goto(caseUrl);
    await statusIs(page, "已关闭");

    await page.getByTestId("language-switch").getByText("English").click();
    await statusIs(page, "Closed");
    await page.getByText("Dispatch count").waitFor();
    await screenshot(page, "19-case-closed-en");

    expect(errors).toEqual([]);
    await context.close();
  });
});
