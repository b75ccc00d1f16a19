import { screen, within } from "@testing-library/react";
import { App } from "antd";
import type { ReactNode } from "react";
import { describe, expect, it } from "vitest";
import { useMe } from "@/lib/auth";
import { aUser } from "@/testing/data";
import { json, stubFetch } from "@/testing/fetch";
import { renderWithProviders } from "@/testing/render";
import type { Lead } from "../api/types";
import { LeadBoard } from "./lead-board";

const lead = (n: number, status: Lead["status"]) =>
  ({
    id: `0190a000-0000-7000-8000-00000000001${n}`,
    number: `XS-20261201-000${n}`,
    version: 1,
    status,
    size: "small",
    customer: { id: `c${n}`, name: `客户${n}`, phone: "138****0000", phone_masked: true },
    designer: null,
    overdue: false,
    duplicate_of: null,
    loss: null,
  }) as unknown as Lead;

/** The signed-in layout renders pages once /me is known; so does this. */
function SignedIn({ children }: { children: ReactNode }) {
  const me = useMe();
  return me.data ? children : null;
}

function renderAt(route: string, permissions: ReturnType<typeof aUser>["permissions"]) {
  stubFetch({
    "GET /api/v1/me": () => json(aUser({ role: "supervisor", permissions })),
    "GET /api/v1/leads": () => json({ items: [lead(1, "new"), lead(2, "lost_pending")], next_cursor: null }),
  });
  return renderWithProviders(
    <App>
      <SignedIn>
        <LeadBoard designer={false} />
      </SignedIn>
    </App>,
    { route },
  );
}

describe("LeadBoard", () => {
  it("opens the design manager's lost-lead queue from ?status=lost_pending", async () => {
    renderAt("/leads?status=lost_pending", ["lead_read", "lead_dispatch", "lead_decide"]);
    expect(await screen.findByRole("tab", { name: "跑单确认", selected: true })).toBeInTheDocument();
    expect(await screen.findByTestId("lost-queue")).toBeInTheDocument();
  });

  it("preselects the board's status filter from the address", async () => {
    const { user } = renderAt("/leads?status=lost_pending", ["lead_read", "lead_create"]);
    const filter = await screen.findByTestId("lead-status-filter");
    expect(within(filter).getByText("跑单待确认")).toBeInTheDocument();
    expect(await screen.findByTestId("column-lost_pending")).toBeInTheDocument();
    expect(screen.queryByTestId("column-new")).not.toBeInTheDocument();
    await user.click(within(filter).getByRole("combobox"));
    const clear = filter.querySelector(".ant-select-clear");
    if (!clear) throw new Error("no clear icon");
    await user.click(clear);
    expect(await screen.findByTestId("column-new")).toBeInTheDocument();
  });

  it("ignores an unknown status and shows every column", async () => {
    renderAt("/leads?status=bogus", ["lead_read"]);
    expect(await screen.findByTestId("column-new")).toBeInTheDocument();
    expect(screen.getByTestId("column-lost")).toBeInTheDocument();
  });
});
