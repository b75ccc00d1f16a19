import { screen, waitFor } from "@testing-library/react";
import { App } from "antd";
import { describe, expect, it } from "vitest";
import { json, requestsTo, stubFetch } from "@/testing/fetch";
import { renderWithProviders } from "@/testing/render";
import { PendingHandoverBanner } from "./pending-handover-banner";

const EMPTY = {
  taken_at: null,
  to_dispatch: [],
  visits_due: [],
  warnings_open: [],
  urgent_open: [],
  paused: [],
};

const handover = (id: string, author: string, notes: string) => ({
  id,
  author_id: author,
  project_ids: [],
  shift: "day",
  notes,
  instructions: null,
  suggestions: null,
  equipment: null,
  open_items: EMPTY,
  status: "pending",
  accepted_by: null,
  accepted_at: null,
  accept_note: null,
  reminded_at: null,
  created_at: "2026-12-06T10:00:00Z",
  version: 1,
});

describe("PendingHandoverBanner", () => {
  it("shows others' pending handovers, not your own, and signs with the version read", async () => {
    const fetch = stubFetch({
      "GET /api/v1/handovers": () =>
        json({
          items: [handover("h1", "someone-else", "电梯待修"), handover("h2", "me", "我写的")],
          next_cursor: null,
        }),
      "POST /api/v1/handovers/h1/accept": () =>
        json({ ...handover("h1", "someone-else", ""), status: "accepted" }),
    });
    const { user } = renderWithProviders(
      <App>
        <PendingHandoverBanner user={{ id: "me", permissions: ["handover_write"] }} />
      </App>,
    );
    expect(await screen.findByText("电梯待修")).toBeInTheDocument();
    expect(screen.queryByText("我写的")).not.toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: /签\s*收/ }));
    await waitFor(() => {
      expect(requestsTo(fetch, "POST /api/v1/handovers/h1/accept")).toHaveLength(1);
    });
    const [post] = requestsTo(fetch, "POST /api/v1/handovers/h1/accept");
    expect(post?.headers.get("If-Match")).toBe('"1"');
  });

  it("stays hidden without handover_write (roles outside the service desk)", () => {
    const fetch = stubFetch({});
    renderWithProviders(
      <App>
        <PendingHandoverBanner user={{ id: "me", permissions: ["case_read", "case_handle"] }} />
      </App>,
    );
    expect(screen.queryByTestId("pending-handover-banner")).not.toBeInTheDocument();
    expect(fetch).not.toHaveBeenCalled();
  });
});
