import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { components } from "@/api/schema";
import { json, problem, requestsTo, stubFetch } from "@/testing/fetch";
import { aProject } from "@/testing/data";
import { renderWithProviders } from "@/testing/render";
import { MonthWarnings } from "./month-warnings";

type Report = components["schemas"]["MonthlyReport"];
type Warning = components["schemas"]["WarningView"];

const project = aProject();

const caseIds = ["0192f0c4-0000-7000-8000-0000000000c1", "0192f0c4-0000-7000-8000-0000000000c2"];
const warning: Warning = {
  id: "0192f0c4-0000-7000-8000-0000000000w1",
  rule: "building_cluster",
  title: "3 号楼 7 天内 5 起投诉",
  detail: "3 号楼近 7 天收到 5 起投诉，阈值 5",
  case_ids: caseIds,
  cases: [
    { id: "0192f0c4-0000-7000-8000-0000000000c1", number: "TS-20261111-0003" },
    { id: "0192f0c4-0000-7000-8000-0000000000c2", number: "TS-20261112-0001" },
  ],
  fired_at: "2026-11-12T02:30:00Z",
  project_id: project.id,
  acknowledged_at: null,
  acknowledged_by: null,
  ack_note: null,
};

/** The part of the report the component reads; the rest of the report is not looked at. */
const report = (fields: Pick<Report, "warnings_fired" | "warnings">) => ({ month: "2026-11", ...fields });

const reportUrl = (fetch: ReturnType<typeof stubFetch>, index: number) =>
  new URL(requestsTo(fetch, "GET /api/v1/stats/report")[index]?.url ?? "");

describe("MonthWarnings", () => {
  it("shows the month's count and each warning with links to its cases", async () => {
    const fetch = stubFetch({
      "GET /api/v1/projects": () => json({ items: [project], next_cursor: null }),
      "GET /api/v1/stats/report": () => json(report({ warnings_fired: 1, warnings: [warning] })),
    });
    renderWithProviders(<MonthWarnings month="2026-11" />);

    const table = await screen.findByTestId("month-warnings-table");
    expect(await within(table).findByText(warning.title)).toBeInTheDocument();
    expect(within(table).getByText("同一楼栋集中投诉")).toBeInTheDocument();
    expect(within(table).getByText(warning.detail)).toBeInTheDocument();
    expect(within(table).getByRole("link", { name: "TS-20261111-0003" })).toHaveAttribute(
      "href",
      `/cases/${caseIds[0]}`,
    );
    expect(within(table).getByRole("link", { name: "TS-20261112-0001" })).toHaveAttribute(
      "href",
      `/cases/${caseIds[1]}`,
    );
    expect(screen.getByTestId("month-warnings-count")).toHaveTextContent("1");
    expect(screen.getByText("月度预警 · 2026-11")).toBeInTheDocument();
    const url = reportUrl(fetch, 0);
    expect(url.searchParams.get("month")).toBe("2026-11");
    expect(url.searchParams.get("format")).toBe("json");
    expect(url.searchParams.has("project_id")).toBe(false);
  }, 30_000);

  it("says when no warning fired, and asks again for the chosen project", async () => {
    const fetch = stubFetch({
      "GET /api/v1/projects": () => json({ items: [project], next_cursor: null }),
      "GET /api/v1/stats/report": () => json(report({ warnings_fired: 0, warnings: [] })),
    });
    const { user } = renderWithProviders(<MonthWarnings month="2026-10" />);

    expect(await screen.findByText("2026-10 未触发预警")).toBeInTheDocument();
    expect(screen.getByTestId("month-warnings-count")).toHaveTextContent("0");

    await user.click(screen.getByRole("combobox", { name: "项目" }));
    await user.click(await screen.findByTitle(project.name));
    await waitFor(() => {
      expect(reportUrl(fetch, 1).searchParams.get("project_id")).toBe(project.id);
    });
  }, 30_000);

  it("notes that only the first warnings are listed when the month had more", async () => {
    stubFetch({
      "GET /api/v1/projects": () => json({ items: [], next_cursor: null }),
      "GET /api/v1/stats/report": () => json(report({ warnings_fired: 250, warnings: [warning] })),
    });
    renderWithProviders(<MonthWarnings month="2026-11" />);

    expect(await screen.findByText("仅显示前 1 条")).toBeInTheDocument();
    expect(screen.getByTestId("month-warnings-count")).toHaveTextContent("250");
  }, 30_000);

  it("shows the error instead of an empty table when the report cannot be read", async () => {
    stubFetch({
      "GET /api/v1/projects": () => json({ items: [], next_cursor: null }),
      "GET /api/v1/stats/report": () => problem(403),
    });
    renderWithProviders(<MonthWarnings month="2026-11" />);

    expect(await screen.findByRole("alert")).toBeInTheDocument();
    expect(screen.queryByTestId("month-warnings-table")).not.toBeInTheDocument();
  }, 30_000);
});
