import { screen, waitFor, within } from "@testing-library/react";
import { App } from "antd";
import { describe, expect, it } from "vitest";
import { ALL_PERMISSIONS } from "@/testing/data";
import { json, problem, requestsTo, stubFetch } from "@/testing/fetch";
import { renderWithProviders } from "@/testing/render";
import { ArrearsPage } from "./arrears-page";
import { ImportPanel } from "./import-panel";

const ARREARS = {
  id: "0192f0c4-0000-7000-8000-00000000a001",
  project_id: "0192f0c4-0000-7000-8000-00000000p001",
  property: { id: "p1", area_id: "a1", building: "1栋", unit: "1单元", room: "101" },
  customer: { id: "c1", name: "王先生" },
  fee_item: "物业费",
  months: 13,
  amount: "2291.40",
  as_of: "2026-11-30",
  stage: "legal",
  status: "open",
  owner_id: null,
  last_contact: null,
  contacts_count: 0,
  open_case: { id: "case-1", number: "TS-20261206-0003", status: "dispatched", open: true },
  legal: null,
  imported_at: "2026-12-01T02:00:00Z",
  contact_due_at: "2026-12-31T02:00:00Z",
  settled_at: null,
  version: 3,
};

const page = () => ({
  "GET /api/v1/arrears": () => json({ items: [ARREARS], next_cursor: null }),
  "GET /api/v1/projects": () => json({ items: [], next_cursor: null }),
  "GET /api/v1/areas": () => json({ items: [], next_cursor: null }),
});

describe("ArrearsPage", () => {
  it("shows the stage, the exact amount and the linked complaint", async () => {
    stubFetch(page());
    renderWithProviders(
      <App>
        <ArrearsPage permissions={ALL_PERMISSIONS} />
      </App>,
    );
    expect(await screen.findByTestId("stage-legal")).toBeInTheDocument();
    expect(screen.getByText("¥2291.40")).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "TS-20261206-0003" })).toHaveAttribute("href", "/cases/case-1");
    expect(screen.getByRole("button", { name: "律师函决定" })).toBeInTheDocument();
  });

  it("records a disputed contact with its reason", async () => {
    const fetch = stubFetch({
      ...page(),
      "POST /api/v1/arrears/0192f0c4-0000-7000-8000-00000000a001/contacts": () =>
        json({ contact: {}, arrears: ARREARS }, 201),
    });
    const { user } = renderWithProviders(
      <App>
        <ArrearsPage permissions={["arrears_read", "arrears_contact"]} />
      </App>,
    );
    expect(screen.queryByRole("button", { name: "律师函决定" })).not.toBeInTheDocument();
    await user.click(await screen.findByTestId("arrears-contact"));
    const dialog = await screen.findByRole("dialog");
    const selects = within(dialog).getAllByRole("combobox");
    await user.click(selects[1] ?? dialog);
    await user.click(await screen.findByTitle("有异议"));
    await user.click(selects[2] ?? dialog);
    await user.click(await screen.findByTitle("服务纠纷"));
    await user.click(within(dialog).getByRole("button", { name: /提\s*交/ }));
    await waitFor(() => {
      expect(
        requestsTo(fetch, "POST /api/v1/arrears/0192f0c4-0000-7000-8000-00000000a001/contacts"),
      ).toHaveLength(1);
    });
    const [post] = requestsTo(fetch, "POST /api/v1/arrears/0192f0c4-0000-7000-8000-00000000a001/contacts");
    expect(await post?.json()).toEqual({
      method: "phone",
      result: "disputed",
      reason: "service_dispute",
      note: null,
      promised_on: null,
    });
  });
});

describe("ImportPanel", () => {
  it("sends CSV and lists the lines the server refused", async () => {
    const fetch = stubFetch({
      "POST /api/v1/arrears/import": () =>
        problem(422, {
          errors: { "line 3": ["amount must not be negative"], "line 4": ["no property 9栋"] },
        }),
    });
    const { user } = renderWithProviders(
      <App>
        <ImportPanel projectId="0192f0c4-0000-7000-8000-00000000p001" />
      </App>,
    );
    await user.click(screen.getByRole("button", { name: /导\s*入/ }));
    expect(await screen.findByText("line 3")).toBeInTheDocument();
    expect(screen.getByText("line 4")).toBeInTheDocument();
    const [post] = requestsTo(fetch, "POST /api/v1/arrears/import");
    expect(post?.headers.get("Content-Type")).toBe("text/csv");
    expect(new URL(post?.url ?? "http://x").searchParams.get("project_id")).toBe(
      "0192f0c4-0000-7000-8000-00000000p001",
    );
  });
});
