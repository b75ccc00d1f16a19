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

/** The open admin form (a modal). */
function dialog(page: Page): Locator {
  return page.getByRole("dialog");
}

/** Saves the open form and waits for the API's answer to `method` on a path containing `path`. */
async function save(page: Page, method: string, path: string): Promise<number> {
  const response = page.waitForResponse((r) => r.url().includes(path) && r.request().method() === method);
  await dialog(page)
    .getByRole("button", { name: /保\s*存/ })
    .click();
  return (await response).status();
}

/** Opens a tab of the admin screen and waits until it is the selected one. */
async function openTab(page: Page, name: string) {
  const tab = page.getByRole("tab", { name, exact: true });
  await expect
    .poll(async () => {
      await tab.click();
      return tab.getAttribute("aria-selected");
    })
    .toBe("true");
}

/** The table row holding `text`, in the visible tab. */
function row(page: Page, text: string): Locator {
  return page.locator(".ant-tabs-tabpane-active .ant-table-row", { hasText: text });
}

/** Another administrator's change, straight through the API (to provoke a 412 in the browser). */
async function renameBehindTheBack(name: string, to: string): Promise<void> {
  const login = await fetch(`${BASE_URL}/api/v1/auth/login`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ username: USERNAME, password: PASSWORD }),
  });
  const { access_token: token } = (await login.json()) as { access_token: string };
  const auth = { Authorization: `Bearer ${token}` };
  const list = (await (await fetch(`${BASE_URL}/api/v1/departments`, { headers: auth })).json()) as {
    items: { id: string; name: string; version: number }[];
  };
  const department = list.items.find((d) => d.name === name);
  if (!department) throw new Error(`no department ${name}`);
  const response = await fetch(`${BASE_URL}/api/v1/departments/${department.id}`, {
    method: "PATCH",
    headers: { ...auth, "Content-Type": "application/json", "If-Match": `"${String(department.version)}"` },
    body: JSON.stringify({ kind: to }),
  });
  expect(response.status).toBe(200);
}

describe("administration", () => {
  let browser: Browser | undefined;

  beforeAll(async () => {
    await assertServerUp();
    browser = await launch();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it("creates a project and an area, edits a department (and survives someone else's edit)", async () => {
    if (!browser) throw new Error("the browser did not start");
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "zh-CN" });
    const page = await context.newPage();
    const errors = watchErrors(page);
    const stamp = String(Date.now()).slice(-6);
    const projectName = `端到端花园${stamp}`;
    const areaName = `端到端片区${stamp}`;
    const department = `端到端部门${stamp}`;

    await page.goto(`${BASE_URL}/login`);
    await page.getByLabel("用户名").fill(USERNAME);
    await page.getByLabel("密码").fill(PASSWORD);
    await page.getByRole("button", { name: /登\s*录/ }).click();
    await page.waitForURL(/\/dashboard$/);
    await page.getByRole("menuitem", { name: /管理/ }).click();
    await page.getByRole("cell", { name: "handler", exact: true }).waitFor();

    // A project.
    await openTab(page, "项目");
    await page.getByTestId("admin-projects-create").click();
    await dialog(page).getByLabel("名称").fill(projectName);
    await dialog(page).getByLabel("编码").fill(`E2E${stamp}`);
    await dialog(page).getByLabel("地址").fill("深圳市南山区测试路 1 号");
    expect(await save(page, "POST", "/api/v1/projects")).toBe(201);
    await dialog(page).waitFor({ state: "detached" });
    await row(page, projectName).waitFor();
    await screenshot(page, "40-admin-project-created");

    // An area of that project.
    await openTab(page, "片区");
    await page.getByTestId("admin-areas-create").click();
    await choose(page, dialog(page).getByLabel("项目"), projectName);
    await dialog(page).getByLabel("名称").fill(areaName);
    await dialog(page).getByLabel("编码").fill("E1");
    expect(await save(page, "POST", "/api/v1/areas")).toBe(201);
    await dialog(page).waitFor({ state: "detached" });
    await row(page, areaName).filter({ hasText: projectName }).waitFor();
    await screenshot(page, "41-admin-area-created");

    // A department, created then renamed.
    await openTab(page, "部门");
    await page.getByTestId("admin-departments-create").click();
    await dialog(page).getByLabel("名称").fill(department);
    await dialog(page).getByLabel("类型").fill("cleaning");
    expect(await save(page, "POST", "/api/v1/departments")).toBe(201);
    await dialog(page).waitFor({ state: "detached" });

    await row(page, department).getByTestId("admin-departments-edit").click();
    const name = dialog(page).getByLabel("名称");
    expect(await name.inputValue()).toBe(department);
    await name.fill(`${department}改`);
    const patch = page.waitForRequest(
      (r) => r.method() === "PATCH" && r.url().includes("/api/v1/departments/"),
    );
    expect(await save(page, "PATCH", "/api/v1/departments/")).toBe(200);
    expect((await patch).headers()["if-match"]).toBe('"1"');
    const renamed = (await (await patch).response())?.json() as Promise<{
      name: string;
      kind: string;
      version: number;
    }>;
    expect(await renamed).toMatchObject({ name: `${department}改`, kind: "cleaning", version: 2 });
    await dialog(page).waitFor({ state: "detached" });
    await row(page, `${department}改`).waitFor();
    await screenshot(page, "42-admin-department-renamed");

    // Someone else changes it while the form is open: 412, the typed name stays, saving again works.
    await row(page, `${department}改`).getByTestId("admin-departments-edit").click();
    await dialog(page).getByLabel("名称").fill(`${department}再改`);
    await renameBehindTheBack(`${department}改`, "greening");
    expect(await save(page, "PATCH", "/api/v1/departments/")).toBe(412);
    await dialog(page).getByText("他人已修改此记录").waitFor();
    expect(await dialog(page).getByLabel("名称").inputValue()).toBe(`${department}再改`);
    // The field nobody typed in now shows the other administrator's change.
    await expect.poll(() => dialog(page).getByLabel("类型").inputValue()).toBe("greening");
    await screenshot(page, "43-admin-stale");
    expect(await save(page, "PATCH", "/api/v1/departments/")).toBe(200);
    await dialog(page).waitFor({ state: "detached" });
    await row(page, `${department}再改`).filter({ hasText: "greening" }).waitFor();

    // A validation error lands next to its field.
    await row(page, `${department}再改`).getByTestId("admin-departments-edit").click();
    await dialog(page).getByLabel("名称").fill(" ");
    expect(await save(page, "PATCH", "/api/v1/departments/")).toBe(422);
    await dialog(page)
      .locator(".ant-form-item-has-error")
      .filter({ hasText: "名称" })
      .getByText("must not be empty")
      .waitFor();
    await page.waitForTimeout(400); // let the message finish sliding in
    await screenshot(page, "44-admin-field-error");
    await dialog(page)
      .getByRole("button", { name: /取\s*消/ })
      .click();
    await dialog(page).waitFor({ state: "detached" });

    // Tablet width: the tables scroll inside the card, the page does not.
    await page.setViewportSize({ width: 768, height: 1024 });
    await page.waitForTimeout(300); // the side menu collapses
    await openTab(page, "用户");
    const search = page.locator(".ant-tabs-tabpane-active").getByPlaceholder("搜索");
    await search.fill("agent");
    await search.press("Enter");
    await row(page, "李客服").waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(page, "45-admin-tablet");

    // The browser logs the 412 and the 422 this test provoked; nothing else may go wrong.
    expect(errors.filter((e) => !/status of (412|422) /.test(e))).toEqual([]);
    await context.close();
  });
});
