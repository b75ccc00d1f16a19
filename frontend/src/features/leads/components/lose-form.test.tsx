import { screen, waitFor } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { json, requestsTo, stubFetch } from "@/testing/fetch";
import { renderWithProviders } from "@/testing/render";
import type { Lead } from "../api/types";
import { LoseForm } from "./lose-form";
import { LOSS_REASONS, lossKindFor } from "./lose-rules";

const lead = (status: Lead["status"]) =>
  ({ id: "0190a000-0000-7000-8000-000000000009", number: "XS-20261206-0009", version: 5, status }) as Lead;

describe("lose rules", () => {
  it("allows invalid before measuring, failed signing from it on, nothing once lost", () => {
    expect(lossKindFor("new")).toBe("invalid");
    expect(lossKindFor("dispatched")).toBe("invalid");
    expect(lossKindFor("measured")).toBe("failed_signing");
    expect(lossKindFor("proposal")).toBe("failed_signing");
    expect(lossKindFor("signed")).toBe("failed_signing");
    expect(lossKindFor("lost_pending")).toBeNull();
    expect(lossKindFor("lost")).toBeNull();
  });

  it("keeps the reasons of each kind apart (only `other` is shared)", () => {
    const shared = LOSS_REASONS.invalid.filter((r) => LOSS_REASONS.failed_signing.includes(r));
    expect(shared).toEqual(["other"]);
  });
});

describe("LoseForm", () => {
  it("offers only failed signing after measuring and sends the reason and statement with If-Match", async () => {
    const l = lead("measured");
    const fetch = stubFetch({
      [`POST /api/v1/leads/${l.id}/lose`]: () => json({ ...l, status: "lost_pending", version: 6 }),
    });
    const onClose = vi.fn();
    const { user } = renderWithProviders(<LoseForm lead={l} onClose={onClose} />);

    expect(screen.getByRole("radio", { name: "无效单" })).toBeDisabled();
    expect(screen.getByRole("radio", { name: "签单失败" })).toBeChecked();
    expect(screen.getByText("量房前只能登记为无效单，量房后只能登记为签单失败。")).toBeInTheDocument();
    const submit = screen.getByRole("button", { name: "提交待确认" });
    expect(submit).toBeDisabled();

    await user.click(screen.getByRole("combobox"));
    expect(screen.queryByText("虚假信息")).not.toBeInTheDocument();
    await user.click(await screen.findByText("价格原因"));
    await user.type(screen.getByTestId("loss-statement"), "别家便宜两万");
    await user.click(submit);
    await waitFor(() => {
      expect(onClose).toHaveBeenCalled();
    });
    const [post] = requestsTo(fetch, `POST /api/v1/leads/${l.id}/lose`);
    expect(post?.headers.get("If-Match")).toBe('"5"');
    expect(await post?.json()).toEqual({
      kind: "failed_signing",
      reason: "price",
      customer_statement: "别家便宜两万",
    });
  });

  it("offers only invalid before measuring, with its own reasons", async () => {
    const { user } = renderWithProviders(<LoseForm lead={lead("dispatched")} onClose={vi.fn()} />);
    expect(screen.getByRole("radio", { name: "签单失败" })).toBeDisabled();
    expect(screen.getByRole("radio", { name: "无效单" })).toBeChecked();
    await user.click(screen.getByRole("combobox"));
    expect(await screen.findByText("造价过低")).toBeInTheDocument();
    expect(screen.queryByText("价格原因")).not.toBeInTheDocument();
  });
});
