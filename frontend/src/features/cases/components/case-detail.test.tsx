import { screen, waitFor, within } from "@testing-library/react";
import { App } from "antd";
import { describe, expect, it } from "vitest";
import { aCase } from "@/testing/data";
import { json, problem, requestsTo, stubFetch } from "@/testing/fetch";
import { renderWithProviders } from "@/testing/render";
import { CaseDetailView } from "./case-detail";

const empty = { items: [], next_cursor: null };
const id = aCase().id;

function reference() {
  return {
    "GET /api/v1/departments": () => json(empty),
    "GET /api/v1/users": () => json(empty),
    [`GET /api/v1/cases/${id}/events`]: () => json(empty),
  };
}

describe("CaseDetailView", () => {
  it("offers exactly the actions the server lists for this caller", async () => {
    // The server narrows `available_actions` by the case's state and the caller's role.
    stubFetch({
      ...reference(),
      [`GET /api/v1/cases/${id}`]: () =>
        json(
          aCase({
            status: "dispatched",
            available_actions: ["accept", "resolve", "comment"],
          }),
        ),
    });
    renderWithProviders(
      <App>
        <CaseDetailView id={id} />
      </App>,
    );

    expect(await screen.findByTestId("case-number")).toHaveTextContent("TS-20261125-0007");
    expect(screen.getByTestId("action-accept")).toBeInTheDocument();
    expect(screen.getByTestId("action-resolve")).toBeInTheDocument();
    expect(screen.getByTestId("action-comment")).toBeInTheDocument();
    expect(screen.queryByTestId("action-cancel")).not.toBeInTheDocument();
    expect(screen.queryByTestId("action-reassign")).not.toBeInTheDocument();
    expect(screen.queryByTestId("action-dispatch")).not.toBeInTheDocument();
  }, 30_000);

  it("shows a waiting cancellation and approves it with the case's version", async () => {
    const request = {
      reason: "withdrawn" as const,
      duplicate_of: null,
      note: "业主已自行修好",
      requested_by: "01890000-0000-7000-8000-000000000001",
      requested_at: "2026-11-25T02:00:00Z",
    };
    const fetch = stubFetch({
      ...reference(),
      [`GET /api/v1/cases/${id}`]: () =>
        json(
          aCase({
            status: "dispatched",
            version: 6,
            cancel_request: request,
            available_actions: ["resolve", "comment", "cancel_approve", "cancel_reject"],
          }),
        ),
      [`POST /api/v1/cases/${id}/cancel/approve`]: () =>
        json(
          aCase({
            status: "cancelled",
            version: 7,
            cancel_reason: "withdrawn",
            available_actions: ["comment"],
          }),
        ),
    });
    const { user } = renderWithProviders(
      <App>
        <CaseDetailView id={id} />
      </App>,
    );

    const alert = await screen.findByTestId("cancel-request-alert");
    expect(alert).toHaveTextContent("已申请取消");
    expect(alert).toHaveTextContent("业主已自行修好");
    expect(screen.getByTestId("action-cancel_reject")).toBeInTheDocument();
    await user.click(screen.getByTestId("action-cancel_approve"));
    const dialog = await screen.findByRole("dialog");
    await user.click(within(dialog).getByRole("button", { name: /提\s*交/ }));
    await waitFor(() => {
      expect(requestsTo(fetch, `POST /api/v1/cases/${id}/cancel/approve`)).toHaveLength(1);
    });
    const [sent] = requestsTo(fetch, `POST /api/v1/cases/${id}/cancel/approve`);
    expect(sent?.headers.get("If-Match")).toBe('"6"');
  }, 30_000);

  it("tags a repeat repair (二次报修) with the number it repeats, and a case waiting for a supervisor", async () => {
    stubFetch({
      ...reference(),
      [`GET /api/v1/cases/${id}`]: () =>
        json(
          aCase({
            kind: "repair",
            status: "review",
            repeat_of: { id: "0192f0c4-0000-7000-8000-0000000000c0", number: "BX-20261101-0003" },
            available_actions: ["comment"],
          }),
        ),
    });
    renderWithProviders(
      <App>
        <CaseDetailView id={id} />
      </App>,
    );
    expect(await screen.findByTestId("repeat-tag")).toHaveTextContent("二次报修：上次 BX-20261101-0003");
    expect(screen.getAllByTestId("status-tag")[0]).toHaveTextContent("待主管决定");
  }, 30_000);

  it("on 412 says someone else changed the case, reloads it and keeps what was typed", async () => {
    const fetch = stubFetch({
      ...reference(),
      [`GET /api/v1/cases/${id}`]: [() => json(aCase({ version: 3 })), () => json(aCase({ version: 4 }))],
      [`POST /api/v1/cases/${id}/verify`]: [
        () => problem(412, { title: "Precondition failed" }),
        () => json(aCase({ version: 5 })),
      ],
    });
    const { user } = renderWithProviders(
      <App>
        <CaseDetailView id={id} />
      </App>,
    );

    await user.click(await screen.findByTestId("action-verify"));
    const dialog = await screen.findByRole("dialog");
    const note = within(dialog).getByLabelText("备注");
    await user.type(note, "已电话核实");
    await user.click(within(dialog).getByRole("button", { name: /提\s*交/ }));

    expect(await within(dialog).findByText("他人已修改此工单")).toBeInTheDocument();
    expect(note).toHaveValue("已电话核实");
    await waitFor(() => {
      expect(requestsTo(fetch, `GET /api/v1/cases/${id}`)).toHaveLength(2);
    });
    const [first] = requestsTo(fetch, `POST /api/v1/cases/${id}/verify`);
    expect(first?.headers.get("If-Match")).toBe('"3"');

    // Submitting again sends the reloaded version.
    await user.click(within(dialog).getByRole("button", { name: /提\s*交/ }));
    await waitFor(() => {
      expect(requestsTo(fetch, `POST /api/v1/cases/${id}/verify`)).toHaveLength(2);
    });
    const second = requestsTo(fetch, `POST /api/v1/cases/${id}/verify`)[1];
    expect(second?.headers.get("If-Match")).toBe('"4"');
    expect(await second?.json()).toEqual({ note: "已电话核实" });
  }, 30_000);

  it("shows a breached deadline in red, the level and the pause, and only the new actions the role has", async () => {
    stubFetch({
      ...reference(),
      [`GET /api/v1/cases/${id}`]: () =>
        json(
          aCase({
            status: "dispatched",
            level: "area",
            paused: true,
            overdue: false,
            // What the server lists for an agent: the state allows resolve and deescalate too,
            // but the agent's role does not.
            available_actions: ["comment", "resume", "escalate"],
            deadlines: {
              verify: { due_at: "2026-11-25T10:00:00Z", met: true, breached: false },
              dispatch: { due_at: "2026-11-25T12:00:00Z", met: true, breached: true },
              resolve: { due_at: "2026-11-25T14:00:00Z", met: false, breached: true },
              reply: { due_at: null, met: false, breached: false },
              paused_at: "2026-11-25T15:00:00Z",
              pause_reason: "业主出差，约定下周一上门",
            },
          }),
        ),
    });
    renderWithProviders(
      <App>
        <CaseDetailView id={id} />
      </App>,
    );

    expect(await screen.findByTestId("level-tag")).toHaveTextContent("片区级");
    expect(screen.getByTestId("paused-tag")).toHaveTextContent("已暂停");
    expect(screen.getByTestId("paused-alert")).toHaveTextContent("业主出差，约定下周一上门");
    const resolve = screen.getByTestId("deadline-resolve");
    expect(within(resolve).getByTestId("deadline-breached")).toHaveTextContent("已超时");
    expect(within(screen.getByTestId("deadline-verify")).getByTestId("deadline-met")).toHaveTextContent(
      "已按时完成",
    );
    expect(within(screen.getByTestId("deadline-dispatch")).getByTestId("deadline-met")).toHaveTextContent(
      "超时完成",
    );
    // Only what the server listed: no de-escalate (managers), no resolve (handlers).
    expect(screen.getByTestId("action-resume")).toBeInTheDocument();
    expect(screen.getByTestId("action-escalate")).toBeInTheDocument();
    expect(screen.queryByTestId("action-deescalate")).not.toBeInTheDocument();
    expect(screen.queryByTestId("action-resolve")).not.toBeInTheDocument();
  }, 30_000);

  it("escalates with a reason", async () => {
    const fetch = stubFetch({
      ...reference(),
      [`GET /api/v1/cases/${id}`]: () => json(aCase({ available_actions: ["escalate", "pause", "comment"] })),
      [`POST /api/v1/cases/${id}/escalate`]: () => json(aCase({ level: "area", version: 4 })),
    });
    const { user } = renderWithProviders(
      <App>
        <CaseDetailView id={id} />
      </App>,
    );

    await user.click(await screen.findByTestId("action-escalate"));
    const dialog = await screen.findByRole("dialog");
    await user.type(within(dialog).getByTestId("field-why"), "业主多次来电");
    await user.click(within(dialog).getByRole("button", { name: /提\s*交/ }));

    await waitFor(() => {
      expect(requestsTo(fetch, `POST /api/v1/cases/${id}/escalate`)).toHaveLength(1);
    });
    const [post] = requestsTo(fetch, `POST /api/v1/cases/${id}/escalate`);
    expect(post?.headers.get("If-Match")).toBe('"3"');
    expect(await post?.json()).toEqual({ reason: "业主多次来电" });
    expect(await screen.findByTestId("level-tag")).toHaveTextContent("片区级");
  }, 30_000);

  it("closes an inquiry on the spot with the article the slot picked", async () => {
    const article = "0192f0c4-0000-7000-8000-0000000000a1";
    const fetch = stubFetch({
      ...reference(),
      [`GET /api/v1/cases/${id}`]: () =>
        json(aCase({ kind: "inquiry", status: "registered", available_actions: ["close_on_spot"] })),
      [`POST /api/v1/cases/${id}/close_on_spot`]: () => json(aCase({ status: "closed", version: 4 })),
    });
    // A stand-in for the knowledge feature's picker: a form control given value/onChange.
    function Picker({ value, onChange }: { value?: string; onChange?: (id: string) => void }) {
      return (
        <button
          type="button"
          onClick={() => {
            onChange?.(article);
          }}
        >
          {value ?? "pick"}
        </button>
      );
    }
    const titles: string[] = [];
    const { user } = renderWithProviders(
      <App>
        <CaseDetailView
          id={id}
          articles={(title) => {
            titles.push(title);
            return <Picker />;
          }}
        />
      </App>,
    );

    await user.click(await screen.findByTestId("action-close_on_spot"));
    const dialog = await screen.findByRole("dialog");
    expect(within(dialog).getByText("解答依据（知识库文章）")).toBeInTheDocument();
    await user.click(within(dialog).getByRole("button", { name: "pick" }));
    await user.type(within(dialog).getByLabelText("答复"), "带行驶证到物业中心办理");
    await user.click(within(dialog).getByRole("button", { name: /提\s*交/ }));

    await waitFor(() => {
      expect(requestsTo(fetch, `POST /api/v1/cases/${id}/close_on_spot`)).toHaveLength(1);
    });
    const [post] = requestsTo(fetch, `POST /api/v1/cases/${id}/close_on_spot`);
    expect(await post?.json()).toEqual({ answer: "带行驶证到物业中心办理", article_id: article });
    expect(titles[0]).toBe(aCase().title);
  }, 30_000);
});
