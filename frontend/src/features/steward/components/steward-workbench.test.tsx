import { screen, waitFor, within } from "@testing-library/react";
import { App } from "antd";
import { describe, expect, it } from "vitest";
import { aUser } from "@/testing/data";
import { json, requestsTo, stubFetch } from "@/testing/fetch";
import { renderWithProviders } from "@/testing/render";
import { StewardWorkbench } from "./steward-workbench";

const STEWARD = aUser({
  id: "0192f0c4-0000-7000-8000-0000000000a1",
  role: "steward",
  display_name: "王管家",
});
const AREA = "0192f0c4-0000-7000-8000-0000000000b1";
const HOME = "0192f0c4-0000-7000-8000-0000000000c1";
const VISIT = "0192f0c4-0000-7000-8000-0000000000d1";
const stamp = "2026-12-05T02:00:00Z";

const area = (id: string, steward: string | null, name: string) => ({
  id,
  project_id: "0192f0c4-0000-7000-8000-0000000000e1",
  name,
  code: null,
  steward_id: steward,
  version: 1,
  created_at: stamp,
  updated_at: stamp,
});

describe("StewardWorkbench", () => {
  it("shows the steward's own area and turns a visit's opinion into a linked case", async () => {
    const fetch = stubFetch({
      "GET /api/v1/me": () => json(STEWARD),
      "GET /api/v1/steward-visits": () => json({ items: [], next_cursor: null }),
      "GET /api/v1/areas": () =>
        json({
          items: [
            area(AREA, STEWARD.id, "一片区"),
            area("0192f0c4-0000-7000-8000-0000000000b2", null, "二片区"),
          ],
          next_cursor: null,
        }),
      [`GET /api/v1/areas/${AREA}/coverage`]: () =>
        json({
          area_id: AREA,
          area_name: "一片区",
          month: "2026-12",
          households: 4,
          visited: 1,
          reached: 1,
          coverage: 0.25,
          target: 0.3,
          target_met: false,
          key_customers: { total: 1, visited: 0 },
          by_steward: [],
        }),
      [`GET /api/v1/areas/${AREA}/worklist`]: () =>
        json({
          items: [
            {
              property_id: HOME,
              building: "3",
              unit: "1",
              room: "0202",
              key_customer: true,
              customers: [],
              open_cases: [],
            },
          ],
        }),
      "GET /api/v1/patrol-routes": () => json({ items: [], next_cursor: null }),
      "GET /api/v1/patrols": () => json({ items: [], next_cursor: null }),
      "GET /api/v1/cases": () => json({ items: [], next_cursor: null }),
      "POST /api/v1/steward-visits": () =>
        json(
          {
            id: VISIT,
            project_id: "0192f0c4-0000-7000-8000-0000000000e1",
            area_id: AREA,
            property_id: HOME,
            customer_id: null,
            steward_id: STEWARD.id,
            purpose: "key_customer",
            reached: true,
            opinions: "楼道灯坏了",
            visited_at: stamp,
            month: "2026-12",
            case_id: null,
            created_at: stamp,
          },
          201,
        ),
      "POST /api/v1/cases": () => json({ id: "c", number: "TS-20261205-0001" }, 201),
    });
    const { user } = renderWithProviders(
      <App>
        <StewardWorkbench assigned={<div data-testid="assigned-slot" />} />
      </App>,
    );

    expect(await screen.findByText("已走访 1 / 4 户")).toBeInTheDocument();
    expect(screen.getByTestId("assigned-slot")).toBeInTheDocument();
    expect(await screen.findByTestId("recent-patrols-empty")).toBeInTheDocument();
    expect(screen.queryByTestId("steward-area")).toBeNull();
    const home = await screen.findByTestId("steward-household");
    expect(within(home).getByText("重点")).toBeInTheDocument();
    await user.click(within(home).getByTestId("steward-visit"));
    await user.type(await screen.findByTestId("visit-opinions"), "楼道灯坏了");
    await user.click(screen.getByTestId("visit-raise"));
    await user.type(await screen.findByTestId("visit-case-title"), "楼道灯不亮");
    await user.click(screen.getByTestId("visit-submit"));

    await waitFor(() => {
      expect(requestsTo(fetch, "POST /api/v1/cases")).toHaveLength(1);
    });
    const [visit] = requestsTo(fetch, "POST /api/v1/steward-visits");
    expect(visit?.headers.get("Idempotency-Key")).toBeTruthy();
    expect(await visit?.json()).toEqual({
      property_id: HOME,
      customer_id: null,
      purpose: "key_customer",
      reached: true,
      opinions: "楼道灯坏了",
    });
    const [created] = requestsTo(fetch, "POST /api/v1/cases");
    expect(await created?.json()).toMatchObject({
      kind: "complaint",
      channel: "steward_visit",
      property_id: HOME,
      title: "楼道灯不亮",
      description: "楼道灯坏了",
      steward_visit_id: VISIT,
    });
    expect(await screen.findByText("走访已记录，工单 TS-20261205-0001 已登记")).toBeInTheDocument();
  });
});
