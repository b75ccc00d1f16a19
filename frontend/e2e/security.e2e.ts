import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assertServerUp, BASE_URL, launch, watchErrors } from "./browser";

const USERNAME = process.env.E2E_USERNAME ?? "admin";
const PASSWORD = process.env.E2E_PASSWORD ?? "admin123";

/** Records every Content-Security-Policy violation the page reports. */
async function watchCsp(page: Page): Promise<string[]> {
  const violations: string[] = [];
  await page.exposeFunction("__cspViolation", (text: string) => violations.push(text));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      const report = (window as unknown as { __cspViolation: (text: string) => void }).__cspViolation;
      report(`${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  return violations;
}

// Issue #21: the console, the residents' app and Swagger UI work under the server's CSP, and the
// refresh token never reaches script (an HttpOnly cookie restores the session after a reload).
describe("security headers and session", () => {
  let browser: Browser | undefined;

  beforeAll(async () => {
    await assertServerUp();
    browser = await launch();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it("serves the console under the CSP and keeps the refresh token out of script", async () => {
    if (!browser) throw new Error("the browser did not start");
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: "zh-CN" });
    const page = await context.newPage();
    const violations = await watchCsp(page);
    const errors = watchErrors(page);

    const first = await page.goto(`${BASE_URL}/login`);
    const csp = first?.headers()["content-security-policy"] ?? "";
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(first?.headers()["x-content-type-options"]).toBe("nosniff");

    await page.getByLabel("用户名").fill(USERNAME);
    await page.getByLabel("密码").fill(PASSWORD);
    await page.getByRole("button", { name: /登\s*录/ }).click();
    await page.waitForURL(/\/dashboard$/);
    await page.getByTestId("dashboard-greeting").waitFor();

    // Nothing of the login is in web storage; the refresh cookie is HttpOnly and path-scoped.
    const stored = await page.evaluate(() =>
      [window.localStorage, window.sessionStorage]
        .flatMap((storage) => Object.keys(storage).map((key) => `${key}=${storage.getItem(key) ?? ""}`))
        .join("\n"),
    );
    expect(stored).not.toMatch(/eyJ|refresh-|access_token/);
    expect(await page.evaluate(() => document.cookie)).not.toContain("huiyin_refresh");
    const cookies = await context.cookies();
    const refresh = cookies.find((c) => c.name === "huiyin_refresh");
    expect(refresh).toMatchObject({ httpOnly: true, secure: true, sameSite: "Strict", path: "/api/v1/auth" });

    // A reload restores the session from the cookie.
    await page.reload();
    await page.getByTestId("dashboard-greeting").waitFor();
    expect(page.url()).toMatch(/\/dashboard$/);

    // The statistics page (charts) too.
    await page.goto(`${BASE_URL}/stats`);
    await page.waitForLoadState("networkidle");

    expect(violations).toEqual([]);
    expect(errors.filter((e) => !e.includes("401"))).toEqual([]);
    await context.close();
  });

  it("serves Swagger UI under the CSP", async () => {
    if (!browser) throw new Error("the browser did not start");
    const context = await browser.newContext();
    const page = await context.newPage();
    const violations = await watchCsp(page);

    const answer = await page.goto(`${BASE_URL}/docs/`);
    expect(answer?.headers()["content-security-policy"]).toContain("default-src 'self'");
    await page.locator(".swagger-ui .information-container").waitFor();
    await page.locator(".opblock").first().waitFor();

    expect(violations).toEqual([]);
    await context.close();
  });
});
