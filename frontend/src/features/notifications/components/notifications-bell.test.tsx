import { screen, waitFor } from "@testing-library/react";
import { App } from "antd";
import { Route, Routes } from "react-router-dom";
import { describe, expect, it } from "vitest";
import { json, requestsTo, stubFetch } from "@/testing/fetch";
import { renderWithProviders } from "@/testing/render";
import { NotificationsBell } from "./notifications-bell";

const caseId = "0192f0c4-0000-7000-8000-0000000000c1";
const note = (n: number, read = false) => ({
  id: `0192f0c4-0000-7000-8000-00000000010${n}`,
  kind: "escalated",
  title: `案件 TS-20261126-000${n} 已升级至片区级`,
  body: "业主多次来电",
  case_id: caseId,
  created_at: "2026-11-26T02:00:00Z",
  read_at: read ? "2026-11-26T03:00:00Z" : null,
});

function renderBell() {
  return renderWithProviders(
    <App>
      <NotificationsBell />
      <Routes>
        <Route path="/" element={<div>home</div>} />
        <Route path="/cases/:id" element={<div data-testid="case-page">case</div>} />
      </Routes>
    </App>,
  );
}

describe("NotificationsBell", () => {
  it("shows the unread count; a click marks the notification read and opens its case", async () => {
    const fetch = stubFetch({
      "GET /api/v1/notifications": [
        () => json({ items: [note(1), note(2), note(3, true)], next_cursor: null, unread: 2 }),
        () => json({ items: [note(1, true), note(2), note(3, true)], next_cursor: null, unread: 1 }),
      ],
      [`POST /api/v1/notifications/${note(1).id}/read`]: () => json(note(1, true)),
    });
    const { user } = renderBell();

    const badge = await screen.findByTestId("notifications-badge");
    await waitFor(() => {
      expect(badge).toHaveTextContent("2");
    });
    const [list] = requestsTo(fetch, "GET /api/v1/notifications");
    expect(new URL(list?.url ?? "").searchParams.get("limit")).toBe("10");

    await user.click(screen.getByRole("button", { name: "通知" }));
    await user.click(await screen.findByText(note(1).title));

    expect(await screen.findByTestId("case-page")).toBeInTheDocument();
    await waitFor(() => {
      expect(requestsTo(fetch, `POST /api/v1/notifications/${note(1).id}/read`)).toHaveLength(1);
    });
    await waitFor(() => {
      expect(screen.getByTestId("notifications-badge")).toHaveTextContent("1");
    });
  }, 30_000);

  it("marks all read", async () => {
    const fetch = stubFetch({
      "GET /api/v1/notifications": [
        () => json({ items: [note(1), note(2)], next_cursor: null, unread: 2 }),
        () => json({ items: [note(1, true), note(2, true)], next_cursor: null, unread: 0 }),
      ],
      "POST /api/v1/notifications/read-all": () => json({ marked: 2 }),
    });
    const { user } = renderBell();

    await waitFor(() => {
      expect(screen.getByTestId("notifications-badge")).toHaveTextContent("2");
    });
    await user.click(screen.getByRole("button", { name: "通知" }));
    await user.click(await screen.findByTestId("notifications-read-all"));

    await waitFor(() => {
      expect(requestsTo(fetch, "POST /api/v1/notifications/read-all")).toHaveLength(1);
    });
    await waitFor(() => {
      expect(screen.getByTestId("notifications-badge")).not.toHaveTextContent("2");
    });
  }, 30_000);
});
