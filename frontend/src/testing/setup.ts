import "@testing-library/jest-dom/vitest";
import { cleanup, configure } from "@testing-library/react";
import { afterEach, beforeEach } from "vitest";
import i18n from "@/i18n/i18n";
import { residentSession, staffSession } from "@/lib/session";

// --- What jsdom lacks and antd or the browser-side code relies on -----------------------

// Browsers resolve a relative URL in `new Request("/api/…")` against the page; Node's Request
// does not. openapi-fetch runs with baseUrl "" (same origin), so give tests the browser's rule.
const NodeRequest = globalThis.Request;
class BrowserRequest extends NodeRequest {
  constructor(input: RequestInfo | URL, init?: RequestInit) {
    super(typeof input === "string" ? new URL(input, window.location.href) : input, init);
  }
}
globalThis.Request = BrowserRequest;

// antd's responsive utilities (Grid, Layout.Sider breakpoints) call matchMedia.
if (!("matchMedia" in window) || typeof window.matchMedia !== "function") {
  Object.defineProperty(window, "matchMedia", {
    writable: true,
    value: (query: string): MediaQueryList =>
      ({
        matches: false,
        media: query,
        onchange: null,
        addEventListener: () => undefined,
        removeEventListener: () => undefined,
        dispatchEvent: () => false,
      }) as unknown as MediaQueryList,
  });
}

// jsdom does not implement getComputedStyle for pseudo-elements and logs an error each time
// antd measures a scrollbar; the element's own style is what the tests need.
const getComputedStyle = window.getComputedStyle.bind(window);
window.getComputedStyle = (element: Element) => getComputedStyle(element);

// Lazy routes are transformed on first import, which is slow under jsdom on 2 cores.
configure({ asyncUtilTimeout: 10_000 });

// --- Isolation between tests ------------------------------------------------------------

beforeEach(async () => {
  await i18n.changeLanguage("zh-CN");
});

afterEach(() => {
  cleanup();
  window.localStorage.clear();
  staffSession.reset();
  residentSession.reset();
  window.history.replaceState(null, "", "/");
});
