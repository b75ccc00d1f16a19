import { screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { json, stubFetch } from "@/testing/fetch";
import { renderWithProviders } from "@/testing/render";
import { DashboardFigures, TopCategories } from "./dashboard-figures";

const ratio = (numerator: number, denominator: number) => ({
  numerator,
  denominator,
  rate: numerator / denominator,
});
const figures = {
  created: 40,
  closed: 30,
  cancelled: 1,
  open: 9,
  overdue: 2,
  satisfaction: ratio(9, 10),
  satisfaction_levels: {},
  on_time_verify: ratio(1, 2),
  on_time_resolve: ratio(3, 4),
  visit_coverage: ratio(1, 1),
  first_contact_resolution: ratio(1, 4),
  second_dispatch: ratio(1, 10),
};
const period = { from: "2026-11-01", to: "2026-11-30", tz: "Asia/Shanghai" };

describe("Dashboard figures", () => {
  it("shows the case load right now from /stats/current and this month's rates", async () => {
    stubFetch({
      "GET /api/v1/stats/current": () =>
        json({
          at: "2026-11-26T06:00:00Z",
          open: 57,
          registered_today: 6,
          unassigned: 3,
          overdue: 4,
          awaiting_visit: 11,
        }),
      "GET /api/v1/stats/summary": () =>
        json({ ...figures, period, by_kind: {}, by_status: {}, closed_in_period: 30, open_at_end: 9 }),
    });
    renderWithProviders(<DashboardFigures />);

    await screen.findByText("57");
    expect(screen.getByTestId("dashboard-open")).toHaveTextContent("57");
    expect(screen.getByTestId("dashboard-todayNew")).toHaveTextContent("6");
    expect(screen.getByTestId("dashboard-overdue")).toHaveTextContent("4");
    expect(screen.getByTestId("dashboard-awaitingVisit")).toHaveTextContent("11");
    expect(await screen.findByText("75.0%")).toBeInTheDocument();
  });

  it("lists this month's top five categories by cases created", async () => {
    const group = (key: string, label: string, created: number) => ({ ...figures, key, label, created });
    stubFetch({
      "GET /api/v1/stats/breakdown": () =>
        json({
          by: "category",
          period,
          total: figures,
          groups: [
            group("a", "漏水", 12),
            group("b", "噪音", 9),
            group("c", "电梯", 7),
            group("d", "停车", 5),
            group("e", "绿化", 4),
            group("f", "保洁", 3),
          ],
        }),
    });
    renderWithProviders(<TopCategories />);

    const rows = await screen.findAllByTestId("top-category");
    expect(rows).toHaveLength(5);
    expect(rows[0]).toHaveTextContent("漏水12");
    expect(screen.queryByText("保洁")).not.toBeInTheDocument();
  });
});
