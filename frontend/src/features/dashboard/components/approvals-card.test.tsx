import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { aUser } from "@/testing/data";
import { json, problem, requestsTo, stubFetch } from "@/testing/fetch";
import { renderWithProviders } from "@/testing/render";
import { ApprovalsCard } from "./approvals-card";

const page = (n: number, next: string | null = null) =>
  json({ items: Array.from({ length: n }, (_, i) => ({ id: String(i) })), next_cursor: next });
const supervisor = aUser({
  role: "supervisor",
  permissions: ["lead_decide", "arrears_read", "handover_write"],
});
const pending = () => new Promise<Response>(() => undefined);

describe("ApprovalsCard", () => {
  it("a skeleton while loading", async () => {
    stubFetch({
      "GET /api/v1/me": () => json(supervisor),
      "GET /api/v1/leads": pending,
      "GET /api/v1/arrears": pending,
      "GET /api/v1/handovers": pending,
    });
    renderWithProviders(<ApprovalsCard />);
    expect(await screen.findByTestId("card-approvals-loading")).toBeInTheDocument();
  });

  it("counts what waits, from the lists themselves, linking to each", async () => {
    const fetch = stubFetch({
      "GET /api/v1/me": () => json(supervisor),
      "GET /api/v1/leads": () => page(2),
      "GET /api/v1/arrears": () => page(50, "next"),
      "GET /api/v1/handovers": () => page(0),
    });
    renderWithProviders(<ApprovalsCard />);
    const leads = await screen.findByTestId("approval-lostLeads");
    expect(leads).toHaveTextContent("2");
    expect(within(leads).getByRole("link")).toHaveAttribute("href", "/leads?status=lost_pending");
    expect(screen.getByTestId("approval-supervisorArrears")).toHaveTextContent("50+");
    expect(screen.queryByTestId("approval-pendingHandovers")).not.toBeInTheDocument();
    const [arrears] = requestsTo(fetch, "GET /api/v1/arrears");
    const query = new URL(arrears?.url ?? "").searchParams;
    expect(query.get("stage")).toBe("supervisor");
    expect(query.get("status")).toBe("open");
    expect(new URL(requestsTo(fetch, "GET /api/v1/leads")[0]?.url ?? "").searchParams.get("status")).toBe(
      "lost_pending",
    );
  });

  it("counts the cancellations of dispatched cases waiting for approval", async () => {
    const fetch = stubFetch({
      "GET /api/v1/me": () => json(aUser({ role: "supervisor", permissions: ["case_cancel_approve"] })),
      "GET /api/v1/cases": () => page(3),
    });
    renderWithProviders(<ApprovalsCard />);
    const row = await screen.findByTestId("approval-cancelRequests");
    expect(row).toHaveTextContent("3");
    expect(within(row).getByRole("link")).toHaveAttribute("href", "/cases?cancel_requested=true");
    const [cases] = requestsTo(fetch, "GET /api/v1/cases");
    expect(new URL(cases?.url ?? "").searchParams.get("cancel_requested")).toBe("true");
  });

  it("asks only for the lists the user may read, and says when nothing waits", async () => {
    const fetch = stubFetch({
      "GET /api/v1/me": () => json(aUser({ role: "supervisor", permissions: ["handover_write"] })),
      "GET /api/v1/handovers": () => page(0),
    });
    renderWithProviders(<ApprovalsCard />);
    expect(await screen.findByText("暂无待审批事项")).toBeInTheDocument();
    expect(requestsTo(fetch, "GET /api/v1/leads")).toHaveLength(0);
    expect(requestsTo(fetch, "GET /api/v1/arrears")).toHaveLength(0);
  });

  it("a failed request shows its problem and a retry", async () => {
    let answer = () => problem(500, { title: "Internal" });
    stubFetch({
      "GET /api/v1/me": () => json(supervisor),
      "GET /api/v1/leads": () => answer(),
      "GET /api/v1/arrears": () => page(1),
      "GET /api/v1/handovers": () => page(1),
    });
    const { user } = renderWithProviders(<ApprovalsCard />);
    const error = await screen.findByTestId("card-approvals-error");
    answer = () => page(3);
    await user.click(within(error).getByRole("button"));
    expect(await screen.findByTestId("approval-lostLeads")).toHaveTextContent("3");
  });
});
