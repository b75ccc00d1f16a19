import { screen, waitFor, within } from "@testing-library/react";
import { App } from "antd";
import { afterEach, describe, expect, it, vi } from "vitest";
import { json, problem, requestsTo, stubFetch } from "@/testing/fetch";
import { renderWithProviders } from "@/testing/render";
import { RecentPatrols } from "./recent-patrols";

const AREA = "0192f0c4-0000-7000-8000-0000000000b1";
const ROUTE = "0192f0c4-0000-7000-8000-0000000000c1";
const PATROL = "0192f0c4-0000-7000-8000-0000000000d1";
const OK = "0192f0c4-0000-7000-8000-0000000000e1";
const FAILED = "0192f0c4-0000-7000-8000-0000000000e2";
const CP1 = "0192f0c4-0000-7000-8000-0000000000f1";
const CP2 = "0192f0c4-0000-7000-8000-0000000000f2";
const PHOTO = "0192f0c4-0000-7000-8000-0000000000a9";
const CASE = "0192f0c4-0000-7000-8000-0000000000aa";
const stamp = "2026-12-05T02:00:00Z";

const route = {
  id: ROUTE,
  project_id: "p",
  area_id: AREA,
  name: "1栋公共区域",
  every_days: 1,
  checkpoints: [
    { id: CP1, name: "大堂", kind: "public_area", property_id: null },
    { id: CP2, name: "地下车库", kind: "public_area", property_id: null },
  ],
  due_on: "2026-12-06",
  due: false,
  last_patrolled_at: stamp,
  version: 1,
  created_at: stamp,
};

const patrol = {
  id: PATROL,
  route_id: ROUTE,
  area_id: AREA,
  steward_id: "s",
  started_at: stamp,
  finished_at: stamp,
  failed: 1,
  results: [
    { id: OK, checkpoint_id: CP1, ok: true, note: null, case_id: null },
    { id: FAILED, checkpoint_id: CP2, ok: false, note: "照明损坏", case_id: CASE },
  ],
};

const photos = (resultId: string) => `GET /api/v1/patrols/${PATROL}/results/${resultId}/photos`;

afterEach(() => {
  vi.unstubAllGlobals();
});

const render = () =>
  renderWithProviders(
    <App>
      <RecentPatrols areaId={AREA} />
    </App>,
  );

describe("RecentPatrols", () => {
  it("lists the area's patrols and shows a patrol's results with their photos and case", async () => {
    vi.stubGlobal("URL", Object.assign(URL, { createObjectURL: vi.fn(() => "blob:patrol-1") }));
    const fetch = stubFetch({
      "GET /api/v1/patrols": () => json({ items: [patrol], next_cursor: null }),
      "GET /api/v1/patrol-routes": () => json({ items: [route], next_cursor: null }),
      [photos(OK)]: () => json({ items: [] }),
      [photos(FAILED)]: () =>
        json({
          items: [
            { id: PHOTO, file_name: "车库.png", content_type: "image/png", size_bytes: 3, created_at: stamp },
          ],
        }),
      [`GET /api/v1/patrols/${PATROL}/results/${FAILED}/photos/${PHOTO}`]: () =>
        new Response(new Uint8Array([1, 2, 3]), { headers: { "Content-Type": "image/png" } }),
    });
    const { user } = render();

    const row = await screen.findByTestId("recent-patrol");
    expect(within(row).getByText("1 处异常")).toBeInTheDocument();
    expect(await within(row).findByText("1栋公共区域")).toBeInTheDocument();
    const [list] = requestsTo(fetch, "GET /api/v1/patrols");
    expect(new URL(list?.url ?? "").searchParams.get("area_id")).toBe(AREA);

    await user.click(within(row).getByTestId("recent-patrol-open"));
    const dialog = await screen.findByRole("dialog");
    const results = await within(dialog).findAllByTestId("patrol-result");
    expect(results).toHaveLength(2);
    const [first, second] = results;
    if (!first || !second) throw new Error("no results");
    expect(within(first).getByText("大堂")).toBeInTheDocument();
    expect(await within(first).findByTestId("patrol-photos-empty")).toBeInTheDocument();
    expect(within(second).getByText("地下车库")).toBeInTheDocument();
    expect(within(second).getByText("照明损坏")).toBeInTheDocument();
    expect(within(second).getByTestId("patrol-result-case")).toHaveAttribute("href", `/cases/${CASE}`);
    const image = await within(second).findByAltText("车库.png");
    expect(image).toHaveAttribute("src", "blob:patrol-1");
    expect(requestsTo(fetch, `GET /api/v1/patrols/${PATROL}/results/${FAILED}/photos/${PHOTO}`)).toHaveLength(
      1,
    );
  });

  it("shows the loading state, then that there are no patrols", async () => {
    let answer: (r: Response) => void = () => undefined;
    stubFetch({
      "GET /api/v1/patrols": () =>
        new Promise<Response>((resolve) => {
          answer = resolve;
        }),
      "GET /api/v1/patrol-routes": () => json({ items: [], next_cursor: null }),
    });
    render();
    expect(await screen.findByTestId("recent-patrols-loading")).toBeInTheDocument();
    answer(json({ items: [], next_cursor: null }));
    expect(await screen.findByTestId("recent-patrols-empty")).toBeInTheDocument();
    expect(screen.getByText("还没有巡查记录")).toBeInTheDocument();
  });

  it("shows a failed request's problem and retries it", async () => {
    const fetch = stubFetch({
      "GET /api/v1/patrols": [
        () => problem(404, { title: "片区不存在" }),
        () => json({ items: [patrol], next_cursor: null }),
      ],
      "GET /api/v1/patrol-routes": () => json({ items: [route], next_cursor: null }),
    });
    const { user } = render();
    const error = await screen.findByTestId("recent-patrols-error");
    await user.click(within(error).getByRole("button", { name: /重\s*试/ }));
    expect(await screen.findByTestId("recent-patrol")).toBeInTheDocument();
    await waitFor(() => {
      expect(requestsTo(fetch, "GET /api/v1/patrols")).toHaveLength(2);
    });
  });
});
