import { screen, waitFor, within } from "@testing-library/react";
import { App } from "antd";
import { describe, expect, it } from "vitest";
import { aCase } from "@/testing/data";
import { json, requestsTo, stubFetch } from "@/testing/fetch";
import { renderWithProviders } from "@/testing/render";
import { VisitWorklist } from "./visit-worklist";

const visit = (n: number, purpose: "contact_check" | "outcome_check" | "satisfaction") => ({
  id: `0192f0c4-0000-7000-8000-00000000020${n}`,
  case_id: aCase().id,
  case_number: `BX-20261126-000${n}`,
  case_title: "厨房水管漏水",
  case_status: purpose === "satisfaction" ? "visiting" : "in_progress",
  purpose,
  due_at: "2026-11-27T08:00:00Z",
  overdue: false,
  project_id: aCase().project_id,
  status: "pending",
  attempts: 0,
});

describe("VisitWorklist", () => {
  it("records a check's outcome from a select and a satisfaction visit through the case action", async () => {
    const fetch = stubFetch({
      "GET /api/v1/visits": () => json({ items: [visit(1, "contact_check"), visit(2, "satisfaction")] }),
      [`POST /api/v1/visits/${visit(1, "contact_check").id}/record`]: () =>
        json({ ...visit(1, "contact_check"), status: "done", reached: true }),
      [`GET /api/v1/cases/${aCase().id}`]: () => json(aCase({ status: "visiting", version: 7 })),
      [`POST /api/v1/cases/${aCase().id}/visit`]: () => json(aCase({ status: "closed", version: 8 })),
    });
    const { user } = renderWithProviders(
      <App>
        <VisitWorklist />
      </App>,
    );

    const check = (await screen.findByText("BX-20261126-0001")).closest("tr");
    const [list] = requestsTo(fetch, "GET /api/v1/visits");
    expect(new URL(list?.url ?? "").searchParams.get("status")).toBe("due");
    if (!check) throw new Error("no row");
    await user.type(within(check).getByTestId("check-note"), "师傅已约明早上门");
    expect(within(check).getByTestId("check-record")).toBeDisabled();
    await user.click(within(check).getByRole("combobox"));
    // A contact check offers only its own outcomes.
    expect(screen.queryByTestId("outcome-done")).not.toBeInTheDocument();
    await user.click(await screen.findByTestId("outcome-contacted"));
    await user.click(within(check).getByTestId("check-record"));
    await waitFor(() => {
      expect(requestsTo(fetch, `POST /api/v1/visits/${visit(1, "contact_check").id}/record`)).toHaveLength(1);
    });
    const [record] = requestsTo(fetch, `POST /api/v1/visits/${visit(1, "contact_check").id}/record`);
    expect(await record?.json()).toEqual({ outcome: "contacted", note: "师傅已约明早上门" });

    const satisfaction = screen.getByText("BX-20261126-0002").closest("tr");
    if (!satisfaction) throw new Error("no row");
    expect(within(satisfaction).queryByTestId("check-record")).not.toBeInTheDocument();
    await user.click(within(satisfaction).getByTestId("visit-satisfied"));
    await waitFor(() => {
      expect(requestsTo(fetch, `POST /api/v1/cases/${aCase().id}/visit`)).toHaveLength(1);
    });
    const [post] = requestsTo(fetch, `POST /api/v1/cases/${aCase().id}/visit`);
    expect(post?.headers.get("If-Match")).toBe('"7"');
    expect(await post?.json()).toEqual({ reached: true, satisfaction: "satisfied", comment: null });
  }, 60_000);

  it("records a 48 h check as not done and shows retries and unreachable visits", async () => {
    const check = visit(3, "outcome_check");
    const fetch = stubFetch({
      "GET /api/v1/visits": () =>
        json({
          items: [
            check,
            { ...visit(4, "satisfaction"), attempts: 2, outcome: "unreachable" },
            {
              ...visit(5, "outcome_check"),
              status: "done",
              outcome: "unreachable",
              reached: false,
              attempts: 3,
            },
          ],
        }),
      [`POST /api/v1/visits/${check.id}/record`]: () =>
        json({ ...check, status: "done", outcome: "not_done", case_status: "dispatched" }),
    });
    const { user } = renderWithProviders(
      <App>
        <VisitWorklist />
      </App>,
    );
    const row = (await screen.findByText("BX-20261126-0003")).closest("tr");
    if (!row) throw new Error("no row");
    await user.click(within(row).getByRole("combobox"));
    expect(screen.getByTestId("outcome-unreachable")).toBeInTheDocument();
    await user.click(screen.getByTestId("outcome-not_done"));
    await user.click(within(row).getByTestId("check-record"));
    await waitFor(() => {
      expect(requestsTo(fetch, `POST /api/v1/visits/${check.id}/record`)).toHaveLength(1);
    });
    const [post] = requestsTo(fetch, `POST /api/v1/visits/${check.id}/record`);
    expect(await post?.json()).toEqual({ outcome: "not_done", note: null });

    const retried = screen.getByText("BX-20261126-0004").closest("tr");
    if (!retried) throw new Error("no row");
    expect(within(retried).getByTestId("visit-retries")).toHaveTextContent("2");
    expect(within(retried).getByTestId("visit-unreachable")).toBeInTheDocument();
    const closed = screen.getByText("BX-20261126-0005").closest("tr");
    if (!closed) throw new Error("no row");
    expect(within(closed).getByTestId("visit-outcome")).toBeInTheDocument();
  }, 60_000);
});
