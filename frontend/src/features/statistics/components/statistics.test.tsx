import { screen } from "@testing-library/react";
import { App } from "antd";
import { describe, expect, it } from "vitest";
import { json, stubFetch } from "@/testing/fetch";
import { renderWithProviders } from "@/testing/render";
import { Statistics } from "./statistics";

const ratio = (numerator: number, denominator: number) => ({
  numerator,
  denominator,
  rate: numerator / denominator,
});
const figures = {
  created: 271,
  closed: 180,
  cancelled: 3,
  open: 31,
  overdue: 4,
  satisfaction: ratio(172, 173),
  satisfaction_levels: {},
  on_time_verify: ratio(1, 2),
  on_time_resolve: ratio(9, 10),
  visit_coverage: ratio(1, 1),
  first_contact_resolution: ratio(1, 4),
  second_dispatch: ratio(1, 10),
};
const period = { from: "2026-11-01", to: "2026-11-30", tz: "Asia/Shanghai" };

describe("Statistics", () => {
  it("renders the summary cards from the summary endpoint", async () => {
    const fetch = stubFetch({
      "GET /api/v1/stats/summary": () =>
        json({ ...figures, period, by_kind: {}, by_status: {}, closed_in_period: 180, open_at_end: 31 }),
      "GET /api/v1/stats/breakdown": () => json({ by: "category", period, groups: [], total: figures }),
      "GET /api/v1/stats/trend": () => json({ interval: "day", period, points: [] }),
      "GET /api/v1/stats/report": () => json({ month: "2026-11", warnings_fired: 0, warnings: [] }),
      "GET /api/v1/projects": () => json({ items: [], next_cursor: null }),
    });
    renderWithProviders(
      <App>
        <Statistics />
      </App>,
    );

    expect(await screen.findByTestId("summary-created")).toHaveTextContent("271");
    expect(screen.getByTestId("summary-overdue")).toHaveTextContent("4");
    expect(screen.getByTestId("summary-satisfaction")).toHaveTextContent("99.4%");
    expect(screen.getByTestId("summary-onTime")).toHaveTextContent("90.0%");
    expect(screen.getByTestId("summary-fcr")).toHaveTextContent("25.0%");
    expect(screen.getByTestId("summary-second")).toHaveTextContent("10.0%");
    const summary = fetch.mock.calls
      .map(([input]) => input)
      .find((input): input is Request => input instanceof Request && input.url.includes("/stats/summary"));
    expect(new URL(summary?.url ?? "").searchParams.get("from")).toMatch(/^\d{4}-\d{2}-01$/);
  }, 30_000);
});
