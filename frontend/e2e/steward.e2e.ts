import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assertServerUp, BASE_URL, launch, screenshot, watchErrors } from "./browser";

const PASSWORD = "Steward2026pass";

/** A valid 1×1 PNG, from its bytes. */
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==",
  "base64",
);

async function call<T>(token: string, method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${BASE_URL}${path}`, {
    method,
    headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  expect(response.ok, `${method} ${path}: ${text}`).toBe(true);
  return JSON.parse(text) as T;
}

/** As admin: a steward with an area of two households and a daily route of two checkpoints. */
async function stewardWithArea(suffix: string): Promise<{ username: string }> {
  const login = await fetch(`${BASE_URL}/api/v1/auth/login`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ username: "admin", password: "admin123" }),
  });
  const { access_token: admin } = (await login.json()) as { access_token: string };
  const projects = await call<{ items: { id: string; name: string }[] }>(admin, "GET", "/api/v1/projects");
  const project = projects.items.find((p) => p.name.includes("翠湖")) ?? projects.items[0];
  if (!project) throw new Error("no project in the demo data");
  const username = `e2e.steward.${suffix}`;
  const steward = await call<{ id: string }>(admin, "POST", "/api/v1/users", {
    username,
    password: PASSWORD,
    display_name: "端到端管家",
    role: "steward",
    phone: "13800138111",
    project_ids: [project.id],
  });
  const area = await call<{ id: string }>(admin, "POST", "/api/v1/areas", {
    project_id: project.id,
    name: `E2E 片区 ${suffix}`,
    steward_id: steward.id,
  });
  for (const room of ["0101", "0102"]) {
    await call(admin, "POST", "/api/v1/properties", {
      project_id: project.id,
      area_id: area.id,
      building: `E${suffix}`,
      unit: "1",
      room,
    });
  }
  await call(admin, "POST", "/api/v1/patrol-routes", {
    area_id: area.id,
    name: "日巡",
    every_days: 1,
    checkpoints: [
      { name: "地下车库", kind: "public_area" },
      { name: "消防泵房", kind: "equipment" },
    ],
  });
  return { username };
}

describe("a steward's day on a phone", () => {
  let browser: Browser | undefined;

  beforeAll(async () => {
    await assertServerUp();
    browser = await launch();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it("records a visit whose opinion becomes a case, and a patrol with one failed checkpoint", async () => {
    if (!browser) throw new Error("the browser did not start");
    const suffix = String(Date.now()).slice(-6);
    const { username } = await stewardWithArea(suffix);
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: "zh-CN" });
    const page = await context.newPage();
    const errors = watchErrors(page);

    await page.goto(`${BASE_URL}/login`);
    await page.getByLabel("用户名").fill(username);
    await page.getByLabel("密码").fill(PASSWORD);
    await page.getByRole("button", { name: /登\s*录/ }).click();
    await page.waitForURL(/\/dashboard$/);
    await page.goto(`${BASE_URL}/steward`);
    await page.getByTestId("steward-coverage").waitFor();
    const households = page.getByTestId("steward-household");
    await households.first().waitFor();
    expect(await households.count()).toBe(2);
    // Nothing sticks out sideways on a phone.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await screenshot(page, "steward-workbench");

    // A visit: the household complains about the stairwell light; it becomes a case.
    await households.first().getByTestId("steward-visit").click();
    await page.getByTestId("visit-opinions").fill("楼道灯坏了两周，晚上看不见。");
    await page.locator(".ant-drawer input[type=file]").setInputFiles({
      name: "stairs.png",
      mimeType: "image/png",
      buffer: PNG,
    });
    await page.getByTestId("visit-raise").click();
    await page.getByTestId("visit-case-title").fill("楼道灯不亮");
    await screenshot(page, "steward-visit-form");
    const visited = page.waitForResponse(
      (r) => r.url().endsWith("/api/v1/steward-visits") && r.request().method() === "POST",
    );
    const photo = page.waitForResponse((r) => r.url().includes("/photos") && r.request().method() === "POST");
    const registered = page.waitForResponse(
      (r) => r.url().endsWith("/api/v1/cases") && r.request().method() === "POST",
    );
    await page.getByTestId("visit-submit").click();
    expect((await visited).status()).toBe(201);
    expect((await photo).status()).toBe(201);
    const caseResponse = await registered;
    expect(caseResponse.status()).toBe(201);
    const created = (await caseResponse.json()) as { number: string; channel: string };
    expect(created.channel).toBe("steward_visit");
    await page.getByText(`工单 ${created.number} 已登记`).waitFor();
    // The visited household leaves the list; the case shows among the area's open cases.
    await page.getByTestId("steward-case").filter({ hasText: created.number }).waitFor();
    await expect.poll(() => households.count()).toBe(1);

    // A patrol: the pump room is fine, the garage is flooded.
    await page.getByTestId("steward-patrol").first().click();
    const checkpoints = page.getByTestId("patrol-checkpoint");
    await checkpoints.first().waitFor();
    await checkpoints.filter({ hasText: "地下车库" }).getByTestId("patrol-ok").click();
    await page.getByTestId("patrol-note").fill("车库积水约 10 厘米");
    await checkpoints
      .filter({ hasText: "地下车库" })
      .locator("input[type=file]")
      .setInputFiles({ name: "garage.png", mimeType: "image/png", buffer: PNG });
    await screenshot(page, "steward-patrol-form");
    const patrolled = page.waitForResponse(
      (r) => r.url().endsWith("/api/v1/patrols") && r.request().method() === "POST",
    );
    await page.getByTestId("patrol-submit").click();
    const patrolResponse = await patrolled;
    expect(patrolResponse.status()).toBe(201);
    const patrol = (await patrolResponse.json()) as {
      failed: number;
      results: { ok: boolean; case_id: string | null }[];
    };
    expect(patrol.failed).toBe(1);
    expect(patrol.results.filter((r) => r.case_id !== null)).toHaveLength(1);
    await page.getByText("1 处异常已登记报事").waitFor();
    await expect.poll(() => page.getByTestId("steward-case").count()).toBe(2);
    await screenshot(page, "steward-after-patrol");

    // The patrol is among the recent ones; its detail shows the failed checkpoint's case and photo.
    const recent = page.getByTestId("recent-patrol").filter({ hasText: "1 处异常" }).first();
    await recent.getByTestId("recent-patrol-open").click();
    const garage = page.getByTestId("patrol-result").filter({ hasText: "地下车库" });
    await garage.getByText("车库积水约 10 厘米").waitFor();
    await garage.getByTestId("patrol-result-case").waitFor();
    await garage.locator("img[alt='garage.png']").waitFor();
    await screenshot(page, "steward-patrol-detail");

    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);
});
