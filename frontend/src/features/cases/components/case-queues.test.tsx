import { screen } from "@testing-library/react";
import { App } from "antd";
import type { ReactNode } from "react";
import { describe, expect, it } from "vitest";
import { useMe } from "@/lib/auth";
import { aUser } from "@/testing/data";
import { json, stubFetch } from "@/testing/fetch";
import { renderWithProviders } from "@/testing/render";
import { CaseQueues } from "./case-queues";

/** The signed-in layout renders pages once /me is known; so does this. */
function SignedIn({ children }: { children: ReactNode }) {
  const me = useMe();
  return me.data ? children : null;
}

function renderFor(user: ReturnType<typeof aUser>) {
  stubFetch({
    "GET /api/v1/me": () => json(user),
    "GET /api/v1/cases": () => json({ items: [], next_cursor: null }),
  });
  renderWithProviders(
    <App>
      <SignedIn>
        <CaseQueues />
      </SignedIn>
    </App>,
  );
}

describe("CaseQueues", () => {
  it("offers an administrator without a department no department queue (the server would answer 422)", async () => {
    renderFor(aUser({ department_id: null }));
    expect(await screen.findByRole("tab", { name: "待派单" })).toBeInTheDocument();
    expect(screen.queryByRole("tab", { name: "本部门" })).not.toBeInTheDocument();
  });

  it("offers a handler of a department its department's queue", async () => {
    renderFor(
      aUser({
        role: "handler",
        department_id: "0192f0c4-0000-7000-8000-0000000000d9",
        permissions: ["case_read", "case_handle"],
      }),
    );
    expect(await screen.findByRole("tab", { name: "本部门" })).toBeInTheDocument();
    expect(screen.queryByRole("tab", { name: "待派单" })).not.toBeInTheDocument();
  });
});
