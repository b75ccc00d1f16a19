import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { json, problem, stubFetch } from "@/testing/fetch";
import { renderWithProviders } from "@/testing/render";
import { CaseListCard } from "./case-list-card";
import { DepartmentOverdueCard } from "./department-overdue-card";
import { FiguresCard } from "./figures-card";
import { VisitsCard } from "./visits-card";
import { WarningsCard } from "./warnings-card";

const ratio = (n: number, d: number) => ({ numerator: n, denominator: d, rate: d ? n / d : null });
const current = {
  at: "2026-12-06T08:00:00Z",
  open: 12,
  registered_today: 4,
  unassigned: 2,
  overdue: 3,
  awaiting_visit: 5,
};
const month = { satisfaction: ratio(9, 10), on_time_resolve: ratio(0, 0) };

/** A handler that never answers, to see the loading state. */
const pending = () => new Promise<Response>(() => undefined);

const aCaseItem = (n: number) => ({
  id: `0192f0c4-0000-7000-8000-00000000000${n}`,
  number: `TS-20261206-000${n}`,
  title: `漏水 ${n}`,
  next_due_at: "2026-12-06T10:00:00Z",
  overdue: n === 1,
});

describe("dashboard cards", () => {
  it("figures: a skeleton while loading", async () => {
    stubFetch({
      "GET /api/v1/stats/current": pending,
      "GET /api/v1/stats/summary": () => json(month),
    });
    renderWithProviders(<FiguresCard />);
    expect(await screen.findByTestId("card-figures-loading")).toBeInTheDocument();
  });

  it("figures: shows the figures", async () => {
    stubFetch({
      "GET /api/v1/stats/current": () => json(current),
      "GET /api/v1/stats/summary": () => json(month),
    });
    renderWithProviders(<FiguresCard />);
    expect(await screen.findByTestId("dashboard-todayNew")).toHaveTextContent("4");
    expect(screen.getByTestId("dashboard-overdue")).toHaveTextContent("3");
    expect(screen.getByTestId("dashboard-monthSatisfaction")).toHaveTextContent("90.0%");
    expect(screen.getByTestId("dashboard-monthOnTime")).toHaveTextContent("—");
  });

  it("figures: a refused request shows its problem and a retry, never an endless skeleton", async () => {
    let answer = () => problem(403, { title: "Forbidden" });
    stubFetch({
      "GET /api/v1/stats/current": () => answer(),
      "GET /api/v1/stats/summary": () => json(month),
    });
    renderWithProviders(<FiguresCard />);
    const error = await screen.findByTestId("card-figures-error");
    expect(error).toHaveTextContent("您没有执行此操作的权限");
    expect(screen.queryByTestId("card-figures-loading")).not.toBeInTheDocument();

    answer = () => json(current);
    await userEvent.click(within(error).getByRole("button", { name: /重\s*试/ }));
    expect(await screen.findByTestId("dashboard-open")).toHaveTextContent("12");
  });

  it("case list: empty, and a list with a count that says there are more", async () => {
    stubFetch({ "GET /api/v1/cases": () => json({ items: [], next_cursor: null }) });
    const { unmount } = renderWithProviders(
      <CaseListCard
        title="待派单"
        testId="card-x"
        filter={{ queue: "unassigned" }}
        empty="没有待派单的工单"
      />,
    );
    expect(await screen.findByText("没有待派单的工单")).toBeInTheDocument();
    expect(screen.getByTestId("card-x-count")).toHaveTextContent("0 件");
    unmount();

    const fetch = stubFetch({
      "GET /api/v1/cases": () => json({ items: [1, 2, 3, 4, 5].map(aCaseItem), next_cursor: "next" }),
    });
    renderWithProviders(
      <CaseListCard title="待派单" testId="card-y" filter={{ queue: "unassigned", sort: "due" }} empty="-" />,
    );
    expect(await screen.findByText(/TS-20261206-0001/)).toBeInTheDocument();
    expect(screen.getByTestId("card-y-count")).toHaveTextContent("5+ 件");
    const url = new URL((fetch.mock.calls[0]?.[0] as Request).url);
    expect(url.searchParams.get("queue")).toBe("unassigned");
    expect(url.searchParams.get("sort")).toBe("due");
    expect(url.searchParams.get("limit")).toBe("5");
  });

  it("case list: a server error shows the problem with a retry", async () => {
    stubFetch({ "GET /api/v1/cases": () => problem(404) });
    renderWithProviders(<CaseListCard title="x" testId="card-z" filter={{}} empty="-" />);
    expect(await screen.findByTestId("card-z-error")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: /重\s*试/ })).toBeInTheDocument();
  });

  it("visits: due today and overdue", async () => {
    // "Now" is due today whatever the hour the suite runs; the start of tomorrow is not (an hour
    // ahead of now was tomorrow for runs after 23:00).
    const now = new Date();
    const tomorrow = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1, 0, 30);
    stubFetch({
      "GET /api/v1/visits": (request) =>
        new URL(request.url).searchParams.get("status") === "due"
          ? json({
              items: [
                { due_at: now.toISOString(), overdue: false },
                { due_at: tomorrow.toISOString(), overdue: false },
              ],
              next_cursor: null,
            })
          : json({ items: [{}, {}], next_cursor: "more" }),
    });
    renderWithProviders(<VisitsCard />);
    expect(await screen.findByTestId("dashboard-visits-overdue")).toHaveTextContent("2+");
    expect(screen.getByTestId("dashboard-visits-today")).toHaveTextContent("1");
  });

  it("warnings: empty state in the user's language", async () => {
    stubFetch({ "GET /api/v1/warnings": () => json({ items: [], next_cursor: null }) });
    renderWithProviders(<WarningsCard />);
    expect(await screen.findByTestId("dashboard-warnings-count")).toHaveTextContent("待处理 0 条");
  });

  it("overdue by department: worst first, and an empty state", async () => {
    const group = (label: string, overdue: number) => ({ key: label, label, overdue, open: overdue + 1 });
    stubFetch({
      "GET /api/v1/stats/breakdown": () =>
        json({ groups: [group("保洁部", 1), group("工程部", 4), group("绿化部", 0)] }),
    });
    const { unmount } = renderWithProviders(<DepartmentOverdueCard />);
    await waitFor(() => {
      expect(screen.getAllByTestId("department-overdue-row").map((r) => r.textContent)).toEqual([
        "工程部4",
        "保洁部1",
      ]);
    });
    unmount();
    stubFetch({ "GET /api/v1/stats/breakdown": () => json({ groups: [] }) });
    renderWithProviders(<DepartmentOverdueCard />);
    expect(await screen.findByText("没有超时的工单")).toBeInTheDocument();
  });
});
