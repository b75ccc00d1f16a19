import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { aUser, tokens } from "@/testing/data";
import { json, problem, requestsTo, stubFetch } from "@/testing/fetch";
import { api, loginPath, setLogoutHandler, unwrap } from "./api";
import { ApiError } from "./problem";
import { clearSession, getSession, setSession } from "./session";

/** GET /me answers 200 only to the given access token, 401 to anything else. */
function meAcceptingOnly(token: string) {
  return (request: Request) =>
    request.headers.get("Authorization") === `Bearer ${token}` ? json(aUser()) : problem(401);
}

describe("API client auth middleware", () => {
  const onLogout = vi.fn<(next: string) => void>();
  let restoreLogoutHandler: () => void;

  beforeEach(() => {
    setSession({ accessToken: "access-0", expiresAt: 0 });
    window.history.replaceState(null, "", "/queues?status=open");
    restoreLogoutHandler = setLogoutHandler(onLogout);
  });

  afterEach(() => {
    restoreLogoutHandler();
    onLogout.mockReset();
  });

  it("sends the access token as a bearer token", async () => {
    const fetch = stubFetch({ "GET /api/v1/me": meAcceptingOnly("access-0") });

    const user = await unwrap(api.GET("/api/v1/me"));

    expect(user.username).toBe("admin");
    expect(requestsTo(fetch, "GET /api/v1/me")[0]?.headers.get("Authorization")).toBe("Bearer access-0");
  });

  it("on a 401 refreshes once, stores the new tokens and retries with the new access token", async () => {
    const fetch = stubFetch({
      "GET /api/v1/me": meAcceptingOnly("access-1"),
      "POST /api/v1/auth/refresh": () => json(tokens(1)),
    });

    const user = await unwrap(api.GET("/api/v1/me"));

    expect(user.display_name).toBe("王管理");
    const refreshes = requestsTo(fetch, "POST /api/v1/auth/refresh");
    expect(refreshes).toHaveLength(1);
    // The refresh token is the HttpOnly cookie; the request names the session (CSRF guard).
    expect(await refreshes[0]?.json()).toEqual({});
    expect(refreshes[0]?.headers.get("X-Requested-With")).toBe("staff");
    expect(refreshes[0]?.headers.get("Authorization")).toBeNull();
    const calls = requestsTo(fetch, "GET /api/v1/me").map((r) => r.headers.get("Authorization"));
    expect(calls).toEqual(["Bearer access-0", "Bearer access-1"]);
    expect(getSession()).toMatchObject({ accessToken: "access-1" });
    expect(JSON.stringify(window.localStorage)).not.toContain("access-1");
    expect(onLogout).not.toHaveBeenCalled();
  });

  it("logs out, keeping the current page as next, when the refresh token is refused", async () => {
    const fetch = stubFetch({
      "GET /api/v1/me": meAcceptingOnly("access-1"),
      "POST /api/v1/auth/refresh": () => problem(401, { title: "Unauthorized" }),
    });

    const { response } = await api.GET("/api/v1/me");

    expect(response.status).toBe(401);
    expect(requestsTo(fetch, "GET /api/v1/me")).toHaveLength(1);
    expect(requestsTo(fetch, "POST /api/v1/auth/refresh")).toHaveLength(1);
    expect(getSession()).toBeNull();
    expect(onLogout).toHaveBeenCalledExactlyOnceWith("/queues?status=open");
    expect(loginPath("/queues?status=open")).toBe("/login?next=%2Fqueues%3Fstatus%3Dopen");
  });

  it("retries only once: a second 401 after a successful refresh logs out", async () => {
    const fetch = stubFetch({
      "GET /api/v1/me": () => problem(401),
      "POST /api/v1/auth/refresh": () => json(tokens(1)),
    });

    await expect(unwrap(api.GET("/api/v1/me"))).rejects.toBeInstanceOf(ApiError);

    expect(requestsTo(fetch, "GET /api/v1/me")).toHaveLength(2);
    expect(requestsTo(fetch, "POST /api/v1/auth/refresh")).toHaveLength(1);
    expect(getSession()).toBeNull();
    expect(onLogout).toHaveBeenCalledOnce();
  });

  it("shares one refresh among concurrent 401s (refresh tokens rotate)", async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const fetch = stubFetch({
      "GET /api/v1/me": meAcceptingOnly("access-1"),
      "POST /api/v1/auth/refresh": async () => {
        await gate;
        return json(tokens(1));
      },
    });

    const all = Promise.all([
      unwrap(api.GET("/api/v1/me")),
      unwrap(api.GET("/api/v1/me")),
      unwrap(api.GET("/api/v1/me")),
    ]);
    await vi.waitFor(() => {
      expect(requestsTo(fetch, "POST /api/v1/auth/refresh")).toHaveLength(1);
    });
    release();
    const users = await all;

    expect(users).toHaveLength(3);
    expect(requestsTo(fetch, "POST /api/v1/auth/refresh")).toHaveLength(1);
    expect(requestsTo(fetch, "GET /api/v1/me")).toHaveLength(6);
    expect(onLogout).not.toHaveBeenCalled();
  });

  it("does not refresh again for a request sent with a token that was already replaced", async () => {
    const fetch = stubFetch({ "GET /api/v1/me": meAcceptingOnly("access-5") });
    // The request goes out with access-0; meanwhile another tab stores a new pair.
    const pending = api.GET("/api/v1/me", {
      fetch: async (request: Request) => {
        setSession({ accessToken: "access-5", expiresAt: 0 });
        return globalThis.fetch(request);
      },
    });

    const { data } = await pending;

    expect(data?.username).toBe("admin");
    expect(requestsTo(fetch, "GET /api/v1/me").map((r) => r.headers.get("Authorization"))).toEqual([
      "Bearer access-0",
      "Bearer access-5",
    ]);
  });

  it("keeps the session when the refresh fails for a server-side reason", async () => {
    stubFetch({
      "GET /api/v1/me": () => problem(401),
      "POST /api/v1/auth/refresh": () => problem(503, { title: "Service Unavailable" }),
    });

    await expect(api.GET("/api/v1/me")).rejects.toThrow();

    expect(getSession()?.accessToken).toBe("access-0");
    expect(onLogout).not.toHaveBeenCalled();
  });

  it("without a session, a 401 goes to the login page without trying to refresh", async () => {
    clearSession();
    const fetch = stubFetch({ "GET /api/v1/me": () => problem(401) });

    const { response } = await api.GET("/api/v1/me");

    expect(response.status).toBe(401);
    expect(requestsTo(fetch, "GET /api/v1/me")[0]?.headers.get("Authorization")).toBeNull();
    expect(onLogout).toHaveBeenCalledExactlyOnceWith("/queues?status=open");
  });
});
