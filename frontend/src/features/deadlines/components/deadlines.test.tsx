import { screen, waitFor, within } from "@testing-library/react";
import { App } from "antd";
import { describe, expect, it } from "vitest";
import { json, requestsTo, stubFetch } from "@/testing/fetch";
import { renderWithProviders } from "@/testing/render";
import { BusinessCalendar } from "./business-calendar";
import { SlaPolicies } from "./sla-policies";
import { WarningRules } from "./warning-rules";
import { Webhooks } from "./webhooks";

const HOUR = 3600;

describe("SlaPolicies", () => {
  it("shows durations in hours and sends seconds", async () => {
    const created = {
      id: "0192f0c4-0000-7000-8000-0000000000f1",
      kind: "complaint",
      severity: null,
      durations: {
        verify_secs: 4 * HOUR + 30 * 60,
        dispatch_secs: 24 * HOUR,
        resolve_secs: 48 * HOUR,
        reply_secs: 24 * HOUR,
        contact_check_secs: 24 * HOUR,
        outcome_check_secs: 48 * HOUR,
        satisfaction_visit_secs: 48 * HOUR,
        business_hours: false,
      },
      version: 1,
      created_at: "2026-11-26T02:00:00Z",
      updated_at: "2026-11-26T02:00:00Z",
    };
    const fetch = stubFetch({
      "GET /api/v1/sla-policies": [() => json({ items: [] }), () => json({ items: [created] })],
      "POST /api/v1/sla-policies": () => json(created, 201),
    });
    const { user } = renderWithProviders(
      <App>
        <SlaPolicies editable />
      </App>,
    );

    await user.click(await screen.findByTestId("policy-new"));
    const dialog = await screen.findByRole("dialog");
    await user.click(within(dialog).getByTestId("policy-kind").querySelector("input") ?? dialog);
    await user.click(await screen.findByTitle("投诉"));
    const verify = within(within(dialog).getByTestId("duration-verify_secs"));
    const hours = verify.getByRole("spinbutton", { name: "小时" });
    expect(hours).toHaveValue("8");
    await user.clear(hours);
    await user.type(hours, "4");
    const minutes = verify.getByRole("spinbutton", { name: "分" });
    await user.clear(minutes);
    await user.type(minutes, "30");
    await user.click(within(dialog).getByRole("button", { name: /保\s*存/ }));

    await waitFor(() => {
      expect(requestsTo(fetch, "POST /api/v1/sla-policies")).toHaveLength(1);
    });
    const [post] = requestsTo(fetch, "POST /api/v1/sla-policies");
    expect(await post?.json()).toEqual({
      kind: "complaint",
      severity: null,
      durations: created.durations,
    });
    expect(await screen.findByText("4 小时 30 分")).toBeInTheDocument();
  }, 90_000);
});

describe("company configuration without config_manage", () => {
  it("shows the policies without new, edit or delete", async () => {
    stubFetch({
      "GET /api/v1/sla-policies": () =>
        json({
          items: [
            {
              id: "0192f0c4-0000-7000-8000-0000000000f2",
              kind: null,
              severity: null,
              durations: {
                verify_secs: 8 * HOUR,
                dispatch_secs: 24 * HOUR,
                resolve_secs: 48 * HOUR,
                reply_secs: 24 * HOUR,
                contact_check_secs: 24 * HOUR,
                outcome_check_secs: 48 * HOUR,
                satisfaction_visit_secs: 48 * HOUR,
                business_hours: true,
              },
              version: 1,
              created_at: "2026-11-26T02:00:00Z",
              updated_at: "2026-11-26T02:00:00Z",
            },
          ],
        }),
    });
    renderWithProviders(
      <App>
        <SlaPolicies editable={false} />
      </App>,
    );
    expect(await screen.findAllByText("8 小时")).not.toHaveLength(0);
    expect(screen.getByTestId("config-read-only")).toBeInTheDocument();
    expect(screen.queryByTestId("policy-new")).not.toBeInTheDocument();
    expect(screen.queryByRole("button", { name: /编\s*辑/ })).not.toBeInTheDocument();
    expect(screen.queryByRole("button", { name: /删\s*除/ })).not.toBeInTheDocument();
  }, 60_000);

  it("shows the warning rules and the calendar disabled, without save", async () => {
    stubFetch({
      "GET /api/v1/warning-rules": () =>
        json(
          {
            property_cluster: { enabled: true, count: 3, days: 30 },
            building_cluster: { enabled: true, count: 5, days: 7 },
            category_surge: { enabled: false, percent: 50, min_count: 10 },
            repeat_customer: { enabled: true, days: 30 },
          },
          200,
          { ETag: '"2"' },
        ),
      "GET /api/v1/sla-calendar": () =>
        json(
          {
            working_weekdays: [1, 2, 3, 4, 5],
            day_start: "09:00",
            day_end: "18:00",
            holidays: ["2027-01-01"],
            make_up_days: [],
          },
          200,
          { ETag: '"1"' },
        ),
    });
    renderWithProviders(
      <App>
        <WarningRules editable={false} />
        <BusinessCalendar editable={false} />
      </App>,
    );
    const counts = await screen.findAllByRole("spinbutton");
    for (const input of counts) expect(input).toBeDisabled();
    expect(await screen.findByDisplayValue("09:00")).toBeDisabled();
    expect(screen.getByText(/2027-01-01/)).toBeInTheDocument();
    expect(screen.queryByTestId("holiday-picker")).not.toBeInTheDocument();
    expect(screen.getAllByTestId("config-read-only")).toHaveLength(2);
    expect(screen.queryByRole("button", { name: /保\s*存/ })).not.toBeInTheDocument();
  }, 60_000);
});

describe("Webhooks", () => {
  it("shows the new secret once, in a copyable alert", async () => {
    const view = {
      id: "0192f0c4-0000-7000-8000-0000000000b1",
      name: "工单系统同步",
      url: "https://hooks.example.com/huiyin",
      events: ["case_created", "case_escalated"],
      active: true,
      version: 1,
      created_at: "2026-11-26T02:00:00Z",
      updated_at: "2026-11-26T02:00:00Z",
    };
    const fetch = stubFetch({
      "GET /api/v1/webhooks": [
        () => json({ items: [] }),
        () => json({ items: [{ ...view, secret: "whsec_••••3f9a" }] }),
      ],
      "POST /api/v1/webhooks": () => json({ ...view, secret: "whsec_9d8c7b6a5f4e3d2c1b0a3f9a" }, 201),
    });
    const { user } = renderWithProviders(
      <App>
        <Webhooks />
      </App>,
    );

    await user.click(await screen.findByTestId("webhook-new"));
    const dialog = await screen.findByRole("dialog");
    await user.type(within(dialog).getByTestId("webhook-name"), view.name);
    await user.type(within(dialog).getByTestId("webhook-url"), view.url);
    const events = within(dialog).getByTestId("webhook-events").querySelector("input") ?? dialog;
    await user.click(events);
    await user.click(await screen.findByTitle("工单升级"));
    await user.click(within(dialog).getByRole("button", { name: /保\s*存/ }));

    const secret = await screen.findByTestId("webhook-secret");
    expect(secret).toHaveTextContent("whsec_9d8c7b6a5f4e3d2c1b0a3f9a");
    expect(within(secret).getByRole("button", { name: /copy|复制/i })).toBeInTheDocument();
    const [post] = requestsTo(fetch, "POST /api/v1/webhooks");
    expect(await post?.json()).toEqual({
      name: view.name,
      url: view.url,
      events: ["case_created", "case_status_changed", "case_escalated"],
      secret: null,
    });
    // The list shows the masked secret only; once the alert is closed the secret is gone.
    expect(await screen.findByText("whsec_••••3f9a")).toBeInTheDocument();
    await user.click(within(secret).getByRole("button", { name: /close/i }));
    await waitFor(() => {
      expect(screen.queryByText("whsec_9d8c7b6a5f4e3d2c1b0a3f9a")).not.toBeInTheDocument();
    });
  }, 90_000);
});
