import { fileURLToPath, URL } from "node:url";
import { defineConfig } from "vitest/config";

// End-to-end tests: a real Chromium (Debian's /usr/bin/chromium, driven by playwright-core)
// against a running Huiyin server at BASE_URL. Run with `npm run e2e`.
// Vitest sets process.env.BASE_URL to Vite's `base` inside the tests, so the address given
// on the command line is read here, in the config, and handed over under another name.
const baseUrl = process.env.BASE_URL ?? "http://127.0.0.1:8080";

export default defineConfig({
  root: fileURLToPath(new URL("..", import.meta.url)),
  test: {
    environment: "node",
    env: { HUIYIN_E2E_BASE_URL: baseUrl },
    include: ["e2e/**/*.e2e.ts"],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // One browser, one server: run files one after another.
    fileParallelism: false,
  },
});
