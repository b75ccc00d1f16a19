import { screen, waitFor, within } from "@testing-library/react";
import { App } from "antd";
import { describe, expect, it } from "vitest";
import { aCase } from "@/testing/data";
import { json, requestsTo, stubFetch } from "@/testing/fetch";
import { renderWithProviders } from "@/testing/render";
import { CaseFamily } from "./case-family";

const parent = {
  id: "0192f0c4-0000-7000-8000-0000000000b1",
  number: "BS-20261125-0001",
  status: "dispatched" as const,
  title: "3栋主水管爆裂",
};

describe("CaseFamily", () => {
  it("lists an incident's callers with links", async () => {
    stubFetch({});
    const incident = aCase({
      kind: "incident",
      child_count: 2,
      children: [
        {
          id: "c1",
          number: "BX-20261125-0002",
          status: "dispatched",
          title: "家里停水",
          customer_name: "王建国",
        },
        {
          id: "c2",
          number: "BX-20261125-0003",
          status: "dispatched",
          title: "家里停水",
          customer_name: "李秀英",
        },
      ],
    });
    renderWithProviders(
      <App>
        <CaseFamily c={incident} />
      </App>,
    );
    const list = await screen.findByTestId("case-children");
    expect(within(list).getByText("关联来电 2 件")).toBeInTheDocument();
    expect(within(list).getByRole("link", { name: "BX-20261125-0002" })).toHaveAttribute("href", "/cases/c1");
    expect(within(list).getByText("李秀英")).toBeInTheDocument();
    expect(screen.queryByTestId("action-link")).not.toBeInTheDocument();
  }, 30_000);

  it("shows the incident a case follows and unlinks with the case's version", async () => {
    const child = aCase({ parent, parent_id: parent.id, may_unlink: true, version: 6 });
    const fetch = stubFetch({
      [`POST /api/v1/cases/${child.id}/unlink`]: () =>
        json({ ...child, parent: null, parent_id: null, version: 7 }),
    });
    const { user } = renderWithProviders(
      <App>
        <CaseFamily c={child} />
      </App>,
    );
    const shown = await screen.findByTestId("case-parent");
    expect(within(shown).getByRole("link", { name: parent.number })).toHaveAttribute(
      "href",
      `/cases/${parent.id}`,
    );
    await user.click(screen.getByTestId("action-unlink"));
    await user.click(await screen.findByRole("button", { name: /确\s*定|OK/ }));
    await waitFor(() => {
      expect(requestsTo(fetch, `POST /api/v1/cases/${child.id}/unlink`)).toHaveLength(1);
    });
    expect(requestsTo(fetch, `POST /api/v1/cases/${child.id}/unlink`)[0]?.headers.get("If-Match")).toBe(
      '"6"',
    );
  }, 30_000);

  it("offers linking only when the server says so", async () => {
    stubFetch({});
    renderWithProviders(
      <App>
        <CaseFamily c={aCase({ may_link: true })} />
      </App>,
    );
    expect(await screen.findByTestId("action-link")).toHaveTextContent("关联到事件");
  }, 30_000);
});
