import { screen, within } from "@testing-library/react";
import { App } from "antd";
import { describe, expect, it } from "vitest";
import { json, problem, requestsTo, stubFetch } from "@/testing/fetch";
import { renderWithProviders } from "@/testing/render";
import { Administration } from "./admin";

const empty = { items: [], next_cursor: null };
const project = {
  id: "0192f0c4-0000-7000-8000-0000000000a1",
  name: "翠湖花园",
  version: 1,
  created_at: "2026-11-25T08:00:00Z",
  updated_at: "2026-11-25T08:00:00Z",
};

describe("Administration", () => {
  it("imports properties as CSV and shows the line-numbered errors", async () => {
    const fetch = stubFetch({
      "GET /api/v1/users": () => json(empty),
      "GET /api/v1/departments": () => json(empty),
      "GET /api/v1/projects": () => json({ items: [project], next_cursor: null }),
      "GET /api/v1/properties": () => json(empty),
      "POST /api/v1/properties/import": () =>
        problem(422, { errors: { "line 3": ["room must be 1 to 50 characters"] } }),
    });
    const { user } = renderWithProviders(
      <App>
        <Administration />
      </App>,
    );

    await user.click(await screen.findByRole("tab", { name: "房屋" }));
    const panel = screen.getByRole("tabpanel");
    await user.click(within(panel).getByRole("combobox"));
    await user.click(await screen.findByTitle("翠湖花园"));
    await user.click(within(panel).getByRole("button", { name: "导入 CSV" }));

    expect(await screen.findByText("line 3")).toBeInTheDocument();
    expect(screen.getByText(/room must be 1 to 50 characters/)).toBeInTheDocument();
    const [post] = requestsTo(fetch, "POST /api/v1/properties/import");
    expect(post?.headers.get("Content-Type")).toBe("text/csv");
    expect(new URL(post?.url ?? "").searchParams.get("project_id")).toBe(project.id);
    expect(await post?.text()).toBe("building,unit,room,area_code\n");
  }, 30_000);
});
