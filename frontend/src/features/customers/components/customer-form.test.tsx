import { screen, waitFor } from "@testing-library/react";
import { App } from "antd";
import dayjs from "dayjs";
import { describe, expect, it, vi } from "vitest";
import { aCustomer } from "@/testing/data";
import { json, problem, requestsTo, stubFetch } from "@/testing/fetch";
import { renderWithProviders } from "@/testing/render";
import { CustomerForm } from "./customer-form";
import { type CustomerValues, toUpdate } from "./customer-values";
import { CustomerProfile } from "./customer-profile";

const PATCH = "PATCH /api/v1/customers/0192f0c4-0000-7000-8000-0000000000d1";
const PROPERTIES = { "GET /api/v1/properties": () => json({ items: [], next_cursor: null }) };

const values = (overrides: Partial<CustomerValues> = {}): CustomerValues => ({
  name: "张三",
  phones: ["13800138000"],
  properties: [],
  tags: ["VIP"],
  notes: "",
  move_in_on: null,
  household_size: null,
  emergency_contact: {},
  ...overrides,
});

describe("toUpdate", () => {
  it("writes the date as a day, an empty contact as null, and never sends masked numbers", () => {
    const body = toUpdate(values({ move_in_on: dayjs("2019-05-01"), household_size: 0 }), false);
    expect(body).toMatchObject({ move_in_on: "2019-05-01", household_size: 0, emergency_contact: null });
    expect(body.phones).toEqual(["13800138000"]);
    const masked = toUpdate(values({ phones: ["138****8000"] }), true);
    expect(masked).not.toHaveProperty("phones");
    expect(masked).not.toHaveProperty("emergency_contact");
  });
});

describe("CustomerForm", () => {
  it("opens from the profile and saves the household facts with If-Match", async () => {
    const fetch = stubFetch({
      ...PROPERTIES,
      [PATCH]: () => json(aCustomer({ household_size: 4, version: 2 })),
    });
    const { user } = renderWithProviders(
      <App>
        <CustomerProfile customer={aCustomer({ tags: ["VIP"] })} manage />
      </App>,
    );
    await user.click(screen.getByTestId("customer-edit"));
    await user.type(await screen.findByLabelText("常住人数"), "4");
    await user.type(screen.getByLabelText("紧急联系人姓名"), "王小明");
    await user.type(screen.getByLabelText("紧急联系人电话"), "13900139000");
    await user.click(screen.getByRole("button", { name: /保\s*存/ }));
    await waitFor(() => {
      expect(requestsTo(fetch, PATCH)).toHaveLength(1);
    });
    const [patch] = requestsTo(fetch, PATCH);
    expect(patch?.headers.get("If-Match")).toBe('"1"');
    expect(await patch?.json()).toMatchObject({
      household_size: 4,
      emergency_contact: { name: "王小明", phone: "13900139000" },
      tags: ["VIP"],
      properties: [{ property_id: "0192f0c4-0000-7000-8000-0000000000e1", relation: "owner" }],
    });
    await waitFor(() => {
      expect(screen.queryByTestId("customer-save")).not.toBeInTheDocument();
    });
  });

  it("explains a 412 and keeps what was typed", async () => {
    stubFetch({ ...PROPERTIES, [PATCH]: () => problem(412, { title: "Precondition Failed" }) });
    const onClose = vi.fn();
    const { user } = renderWithProviders(
      <App>
        <CustomerForm customer={aCustomer()} onClose={onClose} />
      </App>,
    );
    await user.type(await screen.findByLabelText("常住人数"), "3");
    await user.click(screen.getByRole("button", { name: /保\s*存/ }));
    expect(await screen.findByText("该客户档案已被他人修改")).toBeInTheDocument();
    expect(screen.getByLabelText("常住人数")).toHaveValue("3");
    expect(onClose).not.toHaveBeenCalled();
  });

  it("puts a 422's message on the field it names and a 409 on top", async () => {
    stubFetch({
      ...PROPERTIES,
      [PATCH]: [
        () =>
          problem(422, { title: "Invalid", errors: { "emergency_contact.phone": ["不是有效的电话号码"] } }),
        () => problem(409, { title: "Conflict", detail: "phones: 号码属于另一位客户" }),
      ],
    });
    const { user } = renderWithProviders(
      <App>
        <CustomerForm customer={aCustomer()} onClose={vi.fn()} />
      </App>,
    );
    await user.type(await screen.findByLabelText("紧急联系人电话"), "12");
    await user.click(screen.getByRole("button", { name: /保\s*存/ }));
    expect(await screen.findByText("不是有效的电话号码")).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: /保\s*存/ }));
    expect(await screen.findByText("phones: 号码属于另一位客户")).toBeInTheDocument();
  });
});
