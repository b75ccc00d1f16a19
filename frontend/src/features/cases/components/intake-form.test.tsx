import { screen } from "@testing-library/react";
import { App } from "antd";
import { describe, expect, it } from "vitest";
import { aCase, aCustomer } from "@/testing/data";
import { json, requestsTo, stubFetch } from "@/testing/fetch";
import { renderWithProviders } from "@/testing/render";
import { IntakeForm } from "./intake-form";

const empty = { items: [], next_cursor: null };

describe("IntakeForm", () => {
  it("shows a found customer with the repeat-complaint flag and registers with an Idempotency-Key", async () => {
    const customer = aCustomer({
      repeat_complaint: true,
      recent_cases: [aCase({ number: "TS-20261120-0001", title: "噪音" })],
    });
    const fetch = stubFetch({
      "GET /api/v1/categories": () => json(empty),
      "GET /api/v1/projects": () => json(empty),
      "GET /api/v1/properties": () => json(empty),
      "GET /api/v1/customers": () => json({ items: [customer], next_cursor: null }),
      [`GET /api/v1/customers/${customer.id}`]: () => json(customer),
      "POST /api/v1/cases": () => json(aCase({ number: "TS-20261126-0042" }), 201),
    });
    const { user } = renderWithProviders(
      <App>
        <IntakeForm />
      </App>,
    );

    await user.type(screen.getByPlaceholderText("输入电话、姓名或房号"), "1380013");
    expect(await screen.findByText("张三")).toBeInTheDocument();
    expect(screen.getByTestId("repeat-complaint")).toHaveTextContent("重复投诉");
    expect(screen.getByText("TS-20261120-0001")).toBeInTheDocument();

    await user.click(screen.getByRole("button", { name: "选 择" }));
    await user.type(screen.getByTestId("case-title"), "又漏水了");
    await user.type(screen.getByTestId("case-description"), "同一位置再次漏水");
    await user.keyboard("{Control>}{Enter}{/Control}");

    expect(await screen.findByTestId("created-number")).toHaveTextContent("TS-20261126-0042");
    const [post] = requestsTo(fetch, "POST /api/v1/cases");
    expect(post?.headers.get("Idempotency-Key")).toMatch(/^[0-9a-f-]{36}$/);
    expect(await post?.json()).toMatchObject({
      customer_id: customer.id,
      property_id: customer.properties[0]?.property_id,
      kind: "complaint",
      channel: "phone",
      title: "又漏水了",
    });
  }, 30_000);
});
