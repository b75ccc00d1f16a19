import { screen, waitFor, within } from "@testing-library/react";
import { App } from "antd";
import { describe, expect, it } from "vitest";
import { json, problem, requestsTo, stubFetch } from "@/testing/fetch";
import { renderWithProviders } from "@/testing/render";
import { RoutingRules } from "./routing-rules";

const project = { id: "0192f0c4-0000-7000-8000-0000000000a1", name: "翠湖花园" };
const category = {
  id: "0192f0c4-0000-7000-8000-0000000000c1",
  code: "water",
  name: "漏水",
  name_en: "Leak",
  active: true,
  created_at: "2026-11-26T02:00:00Z",
};
const department = { id: "0192f0c4-0000-7000-8000-0000000000d1", name: "工程部" };
const rule = {
  id: "0192f0c4-0000-7000-8000-0000000000e1",
  project_id: null,
  category_id: category.id,
  kind: "repair",
  severity: null,
  department_id: department.id,
  auto_dispatch: true,
  version: 0,
  created_at: "2026-11-26T02:00:00Z",
  updated_at: "2026-11-26T02:00:00Z",
};
const reference = {
  "GET /api/v1/projects": () => json({ items: [project], next_cursor: null }),
  "GET /api/v1/categories": () => json({ items: [category] }),
  "GET /api/v1/departments": () => json({ items: [department], next_cursor: null }),
};

function renderRules(editable: boolean) {
  return renderWithProviders(
    <App>
      <RoutingRules editable={editable} />
    </App>,
  );
}

describe("RoutingRules", () => {
  it("shows a spinner while loading, then the empty state", async () => {
    let answer: (r: Response) => void = () => undefined;
    stubFetch({
      ...reference,
      "GET /api/v1/routing-rules": () =>
        new Promise<Response>((resolve) => {
          answer = resolve;
        }),
    });
    const { container } = renderRules(true);
    await waitFor(() => {
      expect(container.querySelector(".ant-spin-spinning")).not.toBeNull();
    });
    answer(json({ items: [] }));
    expect(await screen.findByText("暂无派单规则")).toBeInTheDocument();
  });

  it("shows an error with a retry that loads again", async () => {
    const fetch = stubFetch({
      ...reference,
      "GET /api/v1/routing-rules": [() => problem(403), () => json({ items: [rule] })],
    });
    const { user } = renderRules(true);
    const error = await screen.findByTestId("routing-error");
    await user.click(within(error).getByRole("button", { name: /重\s*试/ }));
    expect(await screen.findByText("工程部")).toBeInTheDocument();
    expect(requestsTo(fetch, "GET /api/v1/routing-rules")).toHaveLength(2);
  });

  it("is read-only without config_manage", async () => {
    stubFetch({ ...reference, "GET /api/v1/routing-rules": () => json({ items: [rule] }) });
    renderRules(false);
    expect(await screen.findByText("工程部")).toBeInTheDocument();
    expect(screen.getByText("全公司")).toBeInTheDocument();
    expect(await screen.findByText("漏水")).toBeInTheDocument();
    expect(screen.getByTestId("config-read-only")).toBeInTheDocument();
    expect(screen.queryByTestId("routing-new")).toBeNull();
    expect(screen.queryByRole("button", { name: /编\s*辑/ })).toBeNull();
    expect(screen.queryByRole("button", { name: /删\s*除/ })).toBeNull();
  });

  it("creates a rule with the chosen fields and shows field errors next to them", async () => {
    const fetch = stubFetch({
      ...reference,
      "GET /api/v1/routing-rules": () => json({ items: [] }),
      "POST /api/v1/routing-rules": [
        () => problem(422, { errors: { department_id: ["部门已停用"] } }),
        () => json({ ...rule, project_id: project.id, kind: null, auto_dispatch: false }, 201),
      ],
    });
    const { user } = renderRules(true);
    await screen.findByText("暂无派单规则");
    await user.click(screen.getByTestId("routing-new"));
    const dialog = await screen.findByRole("dialog");
    await user.click(within(dialog).getByTestId("routing-project").querySelector("input") ?? dialog);
    await user.click(await screen.findByTitle("翠湖花园"));
    await user.click(within(dialog).getByTestId("routing-category").querySelector("input") ?? dialog);
    await user.click(await screen.findByTitle("漏水"));
    await user.click(within(dialog).getByTestId("routing-department").querySelector("input") ?? dialog);
    await user.click(await screen.findByTitle("工程部"));
    await user.click(within(dialog).getByRole("button", { name: /保\s*存/ }));

    expect(await within(dialog).findByText("部门已停用")).toBeInTheDocument();
    await user.click(within(dialog).getByRole("button", { name: /保\s*存/ }));
    await waitFor(() => {
      expect(requestsTo(fetch, "POST /api/v1/routing-rules")).toHaveLength(2);
    });
    const [, post] = requestsTo(fetch, "POST /api/v1/routing-rules");
    expect(await post?.json()).toEqual({
      project_id: project.id,
      category_id: category.id,
      kind: null,
      severity: null,
      department_id: department.id,
      auto_dispatch: false,
    });
  }, 30_000);
});
