import { screen } from "@testing-library/react";
import { Route, Routes } from "react-router-dom";
import { describe, expect, it } from "vitest";
import { residentSession, setSession, staffSession } from "@/lib/session";
import { tokens } from "@/testing/data";
import { json, problem, requestsTo, stubFetch } from "@/testing/fetch";
import { renderWithProviders } from "@/testing/render";
import { ResidentApp } from "./resident-app";

function renderResident() {
  return renderWithProviders(
    <Routes>
      <Route path="/resident/*" element={<ResidentApp />} />
    </Routes>,
    { route: "/resident" },
  );
}

const aCase = {
  id: "0192f0c4-0000-7000-8000-0000000000c1",
  number: "BX-20261125-0007",
  kind: "repair" as const,
  status: "dispatched" as const,
  progress: { zh: "已派单至工程部，处理中", en: "Sent to the engineering department" },
  title: "卫生间漏水",
  can_rate: false,
  can_withdraw: false,
  reported_at: "2026-11-25T08:30:00Z",
  updated_at: "2026-11-25T09:05:00Z",
};

describe("ResidentApp", () => {
  it("logs a resident in with a separate session and lists their cases with progress", async () => {
    setSession({ accessToken: "staff-token", expiresAt: 0 });
    // This browser had a resident login before: the page first tries to restore it.
    window.localStorage.setItem("huiyin.resident.logged-in", "1");
    const mock = stubFetch({
      // The login has ended meanwhile.
      "POST /api/v1/auth/refresh": () => problem(401),
      "POST /api/v1/auth/login": [
        () => problem(429, { title: "Too many requests" }, { "Retry-After": "30" }),
        () => json(tokens(7)),
      ],
      "GET /api/v1/resident/cases": () => json({ items: [aCase], next_cursor: null }),
    });
    const { user } = renderResident();

    await user.type(await screen.findByLabelText("手机号"), "13800138000");
    await user.type(screen.getByLabelText("密码"), "huiyin123");
    await user.click(screen.getByRole("button", { name: /登\s*录/ }));
    expect(await screen.findByText(/30/)).toBeInTheDocument();

    await user.click(screen.getByRole("button", { name: /登\s*录/ }));
    expect(await screen.findByText("卫生间漏水")).toBeInTheDocument();
    expect(screen.getByText("已派单至工程部，处理中")).toBeInTheDocument();
    expect(screen.getByText("已派单")).toBeInTheDocument();

    const login = requestsTo(mock, "POST /api/v1/auth/login")[1];
    // The refresh token is to come as an HttpOnly cookie.
    expect(await login?.json()).toEqual({ username: "13800138000", password: "huiyin123", cookie: true });
    const [restore] = requestsTo(mock, "POST /api/v1/auth/refresh");
    expect(restore?.headers.get("X-Requested-With")).toBe("resident");
    const list = requestsTo(mock, "GET /api/v1/resident/cases")[0];
    expect(list?.headers.get("Authorization")).toBe("Bearer access-7");
    // Two sessions side by side, in memory only.
    expect(staffSession.get()?.accessToken).toBe("staff-token");
    expect(residentSession.get()?.accessToken).toBe("access-7");
    expect(JSON.stringify(window.localStorage)).not.toContain("access-7");
  });
});
