import { mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { type Browser, chromium, type Page } from "playwright-core";

/**
 * The server under test, e.g. `BASE_URL=http://127.0.0.1:8080 npm run e2e`
 * (e2e/vitest.config.ts passes BASE_URL on as HUIYIN_E2E_BASE_URL).
 */
export const BASE_URL = (process.env.HUIYIN_E2E_BASE_URL ?? "http://127.0.0.1:8080").replace(/\/+$/, "");

/** Debian's Chromium; playwright-core never downloads a browser of its own. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export const OUTPUT_DIR = fileURLToPath(new URL("./output/", import.meta.url));

export async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

/** Fails early, with a clear message, when nothing answers at BASE_URL. */
export async function assertServerUp(): Promise<void> {
  try {
    const response = await fetch(`${BASE_URL}/healthz`);
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
  } catch (error) {
    throw new Error(`No Huiyin server at ${BASE_URL} (GET /healthz: ${String(error)}). Set BASE_URL.`, {
      cause: error,
    });
  }
}

/** Saves a full-page PNG under e2e/output/ and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(OUTPUT_DIR, { recursive: true });
  const path = `${OUTPUT_DIR}${name}.png`;
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** Collects uncaught page errors and console errors, to assert that none happened. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(`pageerror: ${error.message}`));
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(`console: ${message.text()}`);
  });
  return errors;
}
