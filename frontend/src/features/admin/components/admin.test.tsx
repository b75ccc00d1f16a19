import { screen, waitFor, within } from "@testing-library/react";
import { App } from "antd";
import { describe, expect, it } from "vitest";
import { json, problem, requestsTo, stubFetch } from "@/testing/fetch";
import { ALL_PERMISSIONS, aProject, aUser } from "@/testing/data";
import { renderWithProviders } from "@/testing/render";
import { Administration } from "./admin";

const empty = { items: [], next_cursor: null };
const project = aProject();

describe("Administration", () => {
  it("imports properties as CSV and shows the line-numbered errors", async () => {
    const fetch = stubFetch({
      "GET /api/v1/me": () => json(aUser()),
      "GET /api/v1/users": () => json(empty),
      "GET /api/v1/departments": () => json(empty),
      "GET /api/v1/projects": () => json({ items: [project], next_cursor: null }),
      "GET /api/v1/properties": () => json(empty),
      "GET /api/v1/areas": () => json(empty),
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
  }, 60_000);

  /** The admin screen on one tab, with the lists every tab may read. */
  async function openTab(tab: string, routes: Parameters<typeof stubFetch>[0]) {
    const fetch = stubFetch({
      "GET /api/v1/me": () => json(aUser()),
      "GET /api/v1/users": () => json(empty),
      "GET /api/v1/departments": () => json(empty),
      "GET /api/v1/projects": () => json({ items: [project], next_cursor: null }),
      ...routes,
    });
    const rendered = renderWithProviders(
      <App>
        <Administration />
      </App>,
    );
    await rendered.user.click(await screen.findByRole("tab", { name: tab }));
    return { fetch, ...rendered };
  }

  /** The form item (label, input and its messages) holding a labelled input. */
  function formItem(input: HTMLElement): HTMLElement {
    const item = input.closest<HTMLElement>(".ant-form-item");
    if (!item) throw new Error("not inside a form item");
    return item;
  }

  const projectPath = `/api/v1/projects/${project.id}`;

  it("edits a row: PATCH with If-Match and only the changed fields", async () => {
    const { fetch: api, user } = await openTab("项目", {
      [`PATCH ${projectPath}`]: () => json({ ...project, name: "翠湖花园二期", version: 2 }),
    });
    await user.click(await screen.findByRole("button", { name: /编\s*辑/ }));
    const dialog = await screen.findByRole("dialog");
    const name = within(dialog).getByLabelText("名称");
    expect(name).toHaveValue("翠湖花园");
    await user.clear(name);
    await user.type(name, "翠湖花园二期");
    await user.click(within(dialog).getByRole("button", { name: /保\s*存/ }));

    await waitFor(() => {
      expect(requestsTo(api, `PATCH ${projectPath}`)).toHaveLength(1);
    });
    const [patch] = requestsTo(api, `PATCH ${projectPath}`);
    expect(patch?.headers.get("If-Match")).toBe('"1"');
    expect(await patch?.json()).toEqual({ name: "翠湖花园二期" });
    await waitFor(() => {
      expect(screen.queryByRole("dialog")).not.toBeInTheDocument();
    });
  }, 60_000);

  it("on 412 says someone else changed it, reloads and keeps what was typed", async () => {
    const { fetch, user } = await openTab("项目", {
      "GET /api/v1/projects": [
        () => json({ items: [project], next_cursor: null }),
        () =>
          json({
            items: [{ ...project, address: "深圳市南山区翠湖路 99 号", version: 2 }],
            next_cursor: null,
          }),
      ],
      [`PATCH ${projectPath}`]: [
        () => problem(412, { title: "Precondition failed" }),
        () => json({ ...project, name: "翠湖花园二期", version: 3 }),
      ],
    });
    await user.click(await screen.findByRole("button", { name: /编\s*辑/ }));
    const dialog = await screen.findByRole("dialog");
    const name = within(dialog).getByLabelText("名称");
    await user.clear(name);
    await user.type(name, "翠湖花园二期");
    await user.click(within(dialog).getByRole("button", { name: /保\s*存/ }));

    expect(await within(dialog).findByText("他人已修改此记录")).toBeInTheDocument();
    expect(name).toHaveValue("翠湖花园二期");
    await waitFor(() => {
      expect(requestsTo(fetch, "GET /api/v1/projects").length).toBeGreaterThanOrEqual(2);
    });
    expect(requestsTo(fetch, `PATCH ${projectPath}`)[0]?.headers.get("If-Match")).toBe('"1"');
    // The field nobody typed in shows the other person's change.
    await waitFor(() => {
      expect(within(dialog).getByLabelText("地址")).toHaveValue("深圳市南山区翠湖路 99 号");
    });

    // Saving again sends the reloaded version.
    await user.click(within(dialog).getByRole("button", { name: /保\s*存/ }));
    await waitFor(() => {
      expect(requestsTo(fetch, `PATCH ${projectPath}`)).toHaveLength(2);
    });
    const second = requestsTo(fetch, `PATCH ${projectPath}`)[1];
    expect(second?.headers.get("If-Match")).toBe('"2"');
    expect(await second?.json()).toEqual({ name: "翠湖花园二期" });
  }, 60_000);

  it("on 422 puts each error next to its field", async () => {
    const department = {
      ...project,
      id: "0192f0c4-0000-7000-8000-0000000000d1",
      name: "工程部",
      kind: "engineering",
    };
    const path = `/api/v1/departments/${department.id}`;
    const { user } = await openTab("部门", {
      "GET /api/v1/departments": () => json({ items: [department], next_cursor: null }),
      [`PATCH ${path}`]: () =>
        problem(422, { errors: { kind: ["must be one of engineering, security, cleaning"] } }),
    });
    await user.click(await screen.findByRole("button", { name: /编\s*辑/ }));
    const dialog = await screen.findByRole("dialog");
    const kind = within(dialog).getByLabelText("类型");
    await user.clear(kind);
    await user.type(kind, "plumbing");
    await user.click(within(dialog).getByRole("button", { name: /保\s*存/ }));

    expect(
      await within(formItem(kind)).findByText("must be one of engineering, security, cleaning"),
    ).toBeInTheDocument();
    expect(within(formItem(within(dialog).getByLabelText("名称"))).queryByText(/must be/)).toBeNull();
    expect(within(dialog).getByText("提交的内容有误")).toBeInTheDocument();
    expect(kind).toHaveValue("plumbing");
  }, 60_000);

  it("searches users on the server (q) and says when nothing matches", async () => {
    const { fetch, user } = await openTab("用户", {});
    const search = await screen.findByPlaceholderText("搜索");
    await user.type(search, "王{Enter}");

    await waitFor(() => {
      const urls = requestsTo(fetch, "GET /api/v1/users").map((r) => new URL(r.url));
      expect(urls.some((u) => u.searchParams.get("q") === "王")).toBe(true);
    });
    expect(await screen.findByText("没有符合条件的记录")).toBeInTheDocument();
  }, 60_000);

  it("shows a manager the categories read-only and no API keys (no category_manage, api_key_manage)", async () => {
    const manager = aUser({
      role: "manager",
      permissions: ALL_PERMISSIONS.filter(
        (p) =>
          !["category_manage", "api_key_manage", "config_manage", "webhook_manage", "job_manage"].includes(p),
      ),
    });
    stubFetch({
      "GET /api/v1/me": () => json(manager),
      "GET /api/v1/users": () => json(empty),
      "GET /api/v1/departments": () => json(empty),
      "GET /api/v1/categories": () =>
        json({
          items: [
            {
              id: "0192f0c4-0000-7000-8000-0000000000c1",
              code: "repair",
              name: "报修",
              name_en: "Repair",
              parent_id: null,
              position: 1,
              active: true,
              version: 1,
            },
          ],
        }),
    });
    const { user } = renderWithProviders(
      <App>
        <Administration />
      </App>,
    );
    await user.click(await screen.findByRole("tab", { name: "分类" }));
    expect(await screen.findByText("报修")).toBeInTheDocument();
    expect(screen.getByRole("tab", { name: "用户" })).toBeInTheDocument();
    expect(screen.queryByRole("tab", { name: "API 密钥" })).not.toBeInTheDocument();
    expect(screen.queryByTestId("admin-categories-create")).not.toBeInTheDocument();
    expect(screen.queryByTestId("admin-categories-edit")).not.toBeInTheDocument();
  }, 60_000);

  it("sets who makes a project's return visits, with the setting's ETag as If-Match", async () => {
    const path = `/api/v1/visit-settings/${project.id}`;
    const { fetch, user } = await openTab("项目", {
      [`GET ${path}`]: [
        () => problem(404, { title: "项目不存在" }),
        () => json({ project_id: project.id, visits_by: "service_desk" }, 200, { ETag: '"3"' }),
      ],
      [`PUT ${path}`]: [
        () => problem(412, { title: "Precondition Failed" }),
        () => json({ project_id: project.id, visits_by: "steward" }, 200, { ETag: '"4"' }),
      ],
    });
    await user.click(await screen.findByTestId("admin-projects-visit-settings"));
    const dialog = await screen.findByRole("dialog");
    // A failed read shows its problem and a retry, never an endless spinner.
    const error = await within(dialog).findByTestId("visit-settings-error");
    await user.click(within(error).getByRole("button", { name: /重\s*试/ }));
    const steward = await within(dialog).findByRole("radio", { name: /片区管家/ });
    expect(within(dialog).getByRole("radio", { name: /服务台/ })).toBeChecked();
    await user.click(steward);
    await user.click(within(dialog).getByTestId("visit-settings-save"));
    // Someone else changed it meanwhile: say so, keep the dialog.
    expect(await within(dialog).findByTestId("visit-settings-problem")).toBeInTheDocument();
    await user.click(await within(dialog).findByRole("radio", { name: /片区管家/ }));
    await user.click(within(dialog).getByTestId("visit-settings-save"));
    await waitFor(() => {
      expect(requestsTo(fetch, `PUT ${path}`)).toHaveLength(2);
    });
    const [first] = requestsTo(fetch, `PUT ${path}`);
    expect(first?.headers.get("If-Match")).toBe('"3"');
    expect(await first?.json()).toEqual({ visits_by: "steward" });
  }, 60_000);
});
