import { screen, waitFor } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { json, requestsTo, stubFetch } from "@/testing/fetch";
import { renderWithProviders } from "@/testing/render";
import type { Lead } from "../api/types";
import { LostQueue } from "./lead-lists";

const pending = {
  id: "0190a000-0000-7000-8000-000000000011",
  number: "XS-20261201-0003",
  version: 7,
  status: "lost_pending",
  status_before_loss: "measured",
  customer: { id: "c1", name: "陈先生", phone: "138****0000", phone_masked: true },
  designer: { id: "d1", name: "林设计师" },
  loss: {
    kind: "failed_signing",
    reason: "price",
    customer_statement: "别家报价便宜两万，已经签了",
    reported_by: null,
    reported_at: null,
    confirmed_by: null,
    note: null,
  },
} as unknown as Lead;

describe("LostQueue", () => {
  it("lists reported losses with statement and reason and confirms with a note", async () => {
    const fetch = stubFetch({
      "GET /api/v1/leads": () => json({ items: [pending], next_cursor: null }),
      [`POST /api/v1/leads/${pending.id}/lose/confirm`]: () =>
        json({ ...pending, status: "lost", version: 8 }),
    });
    const { user } = renderWithProviders(<LostQueue onOpen={vi.fn()} />);

    expect(await screen.findByText("XS-20261201-0003 · 陈先生")).toBeInTheDocument();
    expect(screen.getByText(/别家报价便宜两万/)).toBeInTheDocument();
    expect(screen.getByText("签单失败")).toBeInTheDocument();
    expect(screen.getByText("价格原因")).toBeInTheDocument();
    expect(screen.getByText("原状态：已量房")).toBeInTheDocument();
    const [list] = requestsTo(fetch, "GET /api/v1/leads");
    expect(new URL(list?.url ?? "").searchParams.get("status")).toBe("lost_pending");

    const confirm = screen.getByTestId(`confirm-loss-${pending.number}`);
    expect(confirm).toBeDisabled();
    await user.type(screen.getByTestId(`confirm-note-${pending.number}`), "二次回访确认已签别家");
    await user.click(confirm);
    await waitFor(() => {
      expect(requestsTo(fetch, `POST /api/v1/leads/${pending.id}/lose/confirm`)).toHaveLength(1);
    });
    const [post] = requestsTo(fetch, `POST /api/v1/leads/${pending.id}/lose/confirm`);
    expect(post?.headers.get("If-Match")).toBe('"7"');
    expect(await post?.json()).toEqual({ confirm: true, note: "二次回访确认已签别家" });
  });

  it("rejects a loss back to its previous status", async () => {
    const fetch = stubFetch({
      "GET /api/v1/leads": () => json({ items: [pending], next_cursor: null }),
      [`POST /api/v1/leads/${pending.id}/lose/confirm`]: () =>
        json({ ...pending, status: "measured", version: 8 }),
    });
    const { user } = renderWithProviders(<LostQueue onOpen={vi.fn()} />);
    await user.type(await screen.findByTestId(`confirm-note-${pending.number}`), "客户仍在比较方案");
    await user.click(screen.getByTestId(`reject-loss-${pending.number}`));
    await waitFor(() => {
      expect(requestsTo(fetch, `POST /api/v1/leads/${pending.id}/lose/confirm`)).toHaveLength(1);
    });
    const [post] = requestsTo(fetch, `POST /api/v1/leads/${pending.id}/lose/confirm`);
    expect(await post?.json()).toEqual({ confirm: false, note: "客户仍在比较方案" });
  });

  it("says so when nothing waits", async () => {
    stubFetch({ "GET /api/v1/leads": () => json({ items: [], next_cursor: null }) });
    renderWithProviders(<LostQueue onOpen={vi.fn()} />);
    expect(await screen.findByText("没有待确认的跑单")).toBeInTheDocument();
  });
});
