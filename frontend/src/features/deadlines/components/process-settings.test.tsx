import { screen, waitFor } from "@testing-library/react";
import { App } from "antd";
import { describe, expect, it } from "vitest";
import { aUser } from "@/testing/data";
import { json, requestsTo, stubFetch } from "@/testing/fetch";
import { renderWithProviders } from "@/testing/render";
import { ProcessSettingsPanel } from "./process-settings";

const project = { id: "0192f0c4-0000-7000-8000-0000000000a1", name: "翠湖花园" };
const defaults = {
  project_id: project.id,
  verify_before_dispatch: true,
  dispatch_by: "supervisor",
  verify_deadline: "same_day",
};

describe("ProcessSettingsPanel", () => {
  it("shows the project's process and saves it with its version", async () => {
    const fetch = stubFetch({
      "GET /api/v1/me": () => json(aUser({ role: "admin", permissions: ["config_manage", "org_read"] })),
      "GET /api/v1/projects": () => json({ items: [project], next_cursor: null }),
      [`GET /api/v1/projects/${project.id}/settings`]: () =>
        new Response(JSON.stringify(defaults), {
          status: 200,
          headers: { "Content-Type": "application/json", ETag: '"0"' },
        }),
      [`PUT /api/v1/projects/${project.id}/settings`]: () => json({ ...defaults, dispatch_by: "agent" }),
    });
    const { user } = renderWithProviders(
      <App>
        <ProcessSettingsPanel />
      </App>,
    );

    expect(await screen.findByTestId("process-verify")).toBeChecked();
    // Editable once the caller's permissions are known (administrators only).
    const save = await screen.findByTestId("process-save");
    await user.click(screen.getByLabelText("客服专员"));
    await user.click(save);
    await waitFor(() => {
      expect(requestsTo(fetch, `PUT /api/v1/projects/${project.id}/settings`)).toHaveLength(1);
    });
    const [put] = requestsTo(fetch, `PUT /api/v1/projects/${project.id}/settings`);
    expect(put?.headers.get("If-Match")).toBe('"0"');
    expect(await put?.json()).toEqual({
      verify_before_dispatch: true,
      dispatch_by: "agent",
      verify_deadline: "same_day",
    });
  }, 30_000);
});
