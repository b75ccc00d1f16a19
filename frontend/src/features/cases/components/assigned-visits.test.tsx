import { screen, waitFor, within } from "@testing-library/react";
import { App } from "antd";
import { describe, expect, it } from "vitest";
import { aCase } from "@/testing/data";
import { json, problem, requestsTo, stubFetch } from "@/testing/fetch";
import { renderWithProviders } from "@/testing/render";
import { AssignedVisits } from "./assigned-visits";

const STEWARD = "0192f0c4-0000-7000-8000-0000000000a1";
const visit = {
  id: "0192f0c4-0000-7000-8000-000000000301",
  case_id: aCase().id,
  case_number: "BX-20261205-0004",
  case_title: "3栋走廊灯不亮",
  case_status: "in_progress",
  purpose: "outcome_check",
  due_at: "2026-12-07T08:00:00Z",
  overdue: false,
  project_id: aCase().project_id,
  assignee_id: STEWARD,
  status: "pending",
};

const render = () =>
  renderWithProviders(
    <App>
      <AssignedVisits assigneeId={STEWARD} />
    </App>,
  );

describe("AssignedVisits", () => {
  it("lists the visits assigned to the user and records one with the worklist's recorder", async () => {
    const fetch = stubFetch({
      "GET /api/v1/visits": () => json({ items: [visit], next_cursor: null }),
      [`POST /api/v1/visits/${visit.id}/record`]: () => json({ ...visit, status: "done", reached: true }),
    });
    const { user } = render();
    const row = await screen.findByTestId("assigned-visit");
    expect(within(row).getByRole("link", { name: "BX-20261205-0004" })).toHaveAttribute(
      "href",
      `/cases/${aCase().id}`,
    );
    expect(within(row).getByText("结果核查")).toBeInTheDocument();
    const [list] = requestsTo(fetch, "GET /api/v1/visits");
    const query = new URL(list?.url ?? "").searchParams;
    expect(query.get("assignee_id")).toBe(STEWARD);
    expect(query.get("status")).toBe("due");

    await user.type(within(row).getByTestId("check-note"), "灯已修好");
    await user.click(within(row).getByRole("combobox"));
    await user.click(await screen.findByTestId("outcome-done"));
    await user.click(within(row).getByTestId("check-record"));
    await waitFor(() => {
      expect(requestsTo(fetch, `POST /api/v1/visits/${visit.id}/record`)).toHaveLength(1);
    });
    const [post] = requestsTo(fetch, `POST /api/v1/visits/${visit.id}/record`);
    expect(await post?.json()).toEqual({ outcome: "done", note: "灯已修好" });
  }, 60_000);

  it("shows the loading state, then that nothing is assigned", async () => {
    let answer: (r: Response) => void = () => undefined;
    stubFetch({
      "GET /api/v1/visits": () =>
        new Promise<Response>((resolve) => {
          answer = resolve;
        }),
    });
    render();
    expect(await screen.findByTestId("assigned-visits-loading")).toBeInTheDocument();
    answer(json({ items: [], next_cursor: null }));
    expect(await screen.findByTestId("assigned-visits-empty")).toBeInTheDocument();
    expect(screen.getByText("暂无分派给您的回访")).toBeInTheDocument();
  });

  it("shows a failed request's problem and retries it", async () => {
    const fetch = stubFetch({
      "GET /api/v1/visits": [
        () => problem(422, { title: "参数有误" }),
        () => json({ items: [visit], next_cursor: null }),
      ],
    });
    const { user } = render();
    const error = await screen.findByTestId("assigned-visits-error");
    expect(within(error).getByText("提交的内容有误")).toBeInTheDocument();
    await user.click(within(error).getByRole("button", { name: /重\s*试/ }));
    expect(await screen.findByTestId("assigned-visit")).toBeInTheDocument();
    expect(requestsTo(fetch, "GET /api/v1/visits")).toHaveLength(2);
  });
});
