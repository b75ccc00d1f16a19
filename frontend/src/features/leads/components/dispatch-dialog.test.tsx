import { screen, waitFor } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { json, problem, requestsTo, stubFetch } from "@/testing/fetch";
import { renderWithProviders } from "@/testing/render";
import type { EligibleDesigner } from "../api/eligible-designers";
import type { Lead } from "../api/types";
import { DispatchDialog } from "./dispatch-dialog";

const lead = {
  id: "0190a000-0000-7000-8000-000000000001",
  number: "XS-20261206-0001",
  version: 3,
  size: "small",
  status: "new",
} as Lead;

const designer = (id: string, name: string, eligible: boolean, today: number): EligibleDesigner => ({
  id,
  name,
  level: "designer",
  group: "一组",
  top_signer: false,
  today,
  this_week: today,
  in_hand: today,
  last_dispatched_at: null,
  eligible,
  reasons: eligible ? [] : ["daily_cap", "in_hand_cap"],
  reason: eligible ? null : "daily_cap",
});

describe("DispatchDialog", () => {
  it("shows who is over the cap and dispatches to an eligible designer with the lead's version", async () => {
    const fetch = stubFetch({
      [`GET /api/v1/leads/${lead.id}/eligible-designers`]: () =>
        json({
          size: "small",
          items: [designer("d1", "王设计", true, 0), designer("d2", "李设计", false, 2)],
        }),
      [`POST /api/v1/leads/${lead.id}/dispatch`]: () => json({ ...lead, status: "dispatched", version: 4 }),
    });
    const onClose = vi.fn();
    const { user } = renderWithProviders(<DispatchDialog lead={lead} mayForce={false} onClose={onClose} />);

    expect(await screen.findByText("李设计")).toBeInTheDocument();
    expect(screen.getByText("已达每日上限")).toBeInTheDocument();
    expect(screen.getByText("手中单已满")).toBeInTheDocument();
    // Choosing the capped designer: only the design manager could force it.
    await user.click(screen.getByRole("radio", { name: "李设计" }));
    expect(screen.getByText("只有设计部经理可以强制派单。")).toBeInTheDocument();
    await user.click(screen.getByRole("radio", { name: "王设计" }));
    await user.click(screen.getByRole("button", { name: "派 单" }));
    await waitFor(() => {
      expect(onClose).toHaveBeenCalled();
    });
    const [post] = requestsTo(fetch, `POST /api/v1/leads/${lead.id}/dispatch`);
    expect(post?.headers.get("If-Match")).toBe('"3"');
    expect(await post?.json()).toEqual({ designer_id: "d1" });
  });

  it("lets the design manager force with a reason and shows a refusal", async () => {
    const fetch = stubFetch({
      [`GET /api/v1/leads/${lead.id}/eligible-designers`]: () =>
        json({ size: "small", items: [designer("d2", "李设计", false, 2)] }),
      [`POST /api/v1/leads/${lead.id}/dispatch`]: () =>
        problem(409, { detail: "dispatch refused: daily_cap", errors: { daily_cap: ["over"] } }),
    });
    const { user } = renderWithProviders(<DispatchDialog lead={lead} mayForce onClose={vi.fn()} />);
    await user.click(await screen.findByRole("radio", { name: "李设计" }));
    await user.type(screen.getByPlaceholderText("强制派单原因"), "客户指定");
    await user.click(screen.getByRole("button", { name: "强制派单" }));
    const [post] = await waitFor(() => {
      const sent = requestsTo(fetch, `POST /api/v1/leads/${lead.id}/dispatch`);
      expect(sent).toHaveLength(1);
      return sent;
    });
    expect(await post?.json()).toEqual({ designer_id: "d2", force: { reason: "客户指定" } });
    expect(await screen.findByRole("alert")).toBeInTheDocument();
  });
});
