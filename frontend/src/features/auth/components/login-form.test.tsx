import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import i18n from "@/i18n/i18n";
import { getSession } from "@/lib/session";
import { tokens } from "@/testing/data";
import { json, problem, requestsTo, stubFetch } from "@/testing/fetch";
import { renderWithProviders } from "@/testing/render";
import { LoginForm } from "./login-form";

async function fillAndSubmit(user: ReturnType<typeof renderWithProviders>["user"], username = "admin") {
  await user.type(screen.getByLabelText("用户名"), username);
  await user.type(screen.getByLabelText("密码"), "secret");
  await user.click(screen.getByRole("button", { name: /登\s*录/ }));
}

describe("LoginForm", () => {
  it("logs in, stores the session and reports success", async () => {
    const fetch = stubFetch({ "POST /api/v1/auth/login": () => json(tokens(1)) });
    const onSuccess = vi.fn();
    const { user } = renderWithProviders(<LoginForm onSuccess={onSuccess} />);

    await fillAndSubmit(user);

    await waitFor(() => {
      expect(onSuccess).toHaveBeenCalledOnce();
    });
    expect(getSession()?.accessToken).toBe("access-1");
    const [request] = requestsTo(fetch, "POST /api/v1/auth/login");
    expect(await request?.json()).toEqual({ username: "admin", password: "secret", cookie: true });
    expect(request?.headers.get("Authorization")).toBeNull();
  });

  it("shows the field errors of a 422 problem on the fields they name", async () => {
    stubFetch({
      "POST /api/v1/auth/login": () =>
        problem(422, {
          title: "Validation failed",
          errors: { username: ["用户名只能包含字母和数字"], password: ["密码太短"] },
        }),
    });
    const { user } = renderWithProviders(<LoginForm onSuccess={vi.fn()} />);

    await fillAndSubmit(user, "ad min");

    expect(await screen.findByText("用户名只能包含字母和数字")).toBeInTheDocument();
    expect(screen.getByText("密码太短")).toBeInTheDocument();
    expect(screen.getByTestId("login-error")).toHaveTextContent("请修正标出的字段");
    // antd marks the fields themselves as invalid.
    expect(screen.getByLabelText("用户名")).toHaveAttribute("aria-invalid", "true");
    expect(getSession()).toBeNull();
  });

  it("says how many seconds to wait when rate limited (429 with Retry-After)", async () => {
    stubFetch({
      "POST /api/v1/auth/login": () => problem(429, { title: "Too Many Requests" }, { "Retry-After": "30" }),
    });
    const { user } = renderWithProviders(<LoginForm onSuccess={vi.fn()} />);

    await fillAndSubmit(user);

    const alert = await screen.findByTestId("login-error");
    expect(alert).toHaveTextContent("尝试次数过多，请 30 秒后再试");
    expect(screen.getByRole("button", { name: /登\s*录/ })).toBeDisabled();

    await i18n.changeLanguage("en");
    expect(await within(alert).findByText("Too many attempts, try again in 30 s")).toBeInTheDocument();
  });

  it("gives the same message for any 401 (no hint whether the user exists)", async () => {
    stubFetch({
      "POST /api/v1/auth/login": () => problem(401, { title: "Unauthorized", detail: "invalid credentials" }),
    });
    const { user } = renderWithProviders(<LoginForm onSuccess={vi.fn()} />);

    await fillAndSubmit(user);

    expect(await screen.findByTestId("login-error")).toHaveTextContent("用户名或密码错误");
  });

  it("asks for both fields before calling the server", async () => {
    const fetch = stubFetch({});
    const { user } = renderWithProviders(<LoginForm onSuccess={vi.fn()} />);

    await user.click(screen.getByRole("button", { name: /登\s*录/ }));

    expect(await screen.findByText("请输入用户名")).toBeInTheDocument();
    expect(screen.getByText("请输入密码")).toBeInTheDocument();
    expect(fetch).not.toHaveBeenCalled();
  });

  it("tells the user when the server cannot be reached", async () => {
    vi.stubGlobal(
      "fetch",
      vi.fn(() => Promise.reject(new TypeError("Failed to fetch"))),
    );
    const { user } = renderWithProviders(<LoginForm onSuccess={vi.fn()} />);

    await fillAndSubmit(user);

    expect(await screen.findByTestId("login-error")).toHaveTextContent("无法连接服务器");
  });
});
