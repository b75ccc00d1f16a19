import { screen, waitFor } from "@testing-library/react";
import { App } from "antd";
import { afterEach, describe, expect, it, vi } from "vitest";
import { json, problem, requestsTo, stubFetch } from "@/testing/fetch";
import { renderWithProviders } from "@/testing/render";
import { RecentVisits } from "./recent-visits";

const AREA = "0192f0c4-0000-7000-8000-0000000000b1";
const VISIT = "0192f0c4-0000-7000-8000-0000000000d1";
const PHOTO = "0192f0c4-0000-7000-8000-0000000000f1";
const visit = {
  id: VISIT,
  area_id: AREA,
  project_id: "p",
  property_id: "h",
  steward_id: "s",
  purpose: "routine",
  reached: true,
  opinions: "楼道堆物",
  visited_at: "2026-12-05T02:00:00Z",
  month: "2026-12",
  created_at: "2026-12-05T02:00:00Z",
};

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("RecentVisits", () => {
  it("lists the area's visits and shows a visit's photos fetched with the token", async () => {
    const revokeObjectURL = vi.fn();
    vi.stubGlobal(
      "URL",
      Object.assign(URL, { createObjectURL: vi.fn(() => "blob:photo-1"), revokeObjectURL }),
    );
    const fetch = stubFetch({
      "GET /api/v1/steward-visits": () => json({ items: [visit], next_cursor: null }),
      [`GET /api/v1/steward-visits/${VISIT}/photos`]: () =>
        json({
          items: [
            {
              id: PHOTO,
              file_name: "楼道.png",
              content_type: "image/png",
              size_bytes: 10,
              created_at: visit.created_at,
            },
          ],
        }),
      [`GET /api/v1/steward-visits/${VISIT}/photos/${PHOTO}`]: () =>
        new Response(new Blob(["png"], { type: "image/png" }), { headers: { "Content-Type": "image/png" } }),
    });
    const { user } = renderWithProviders(
      <App>
        <RecentVisits areaId={AREA} />
      </App>,
    );
    expect(await screen.findByText("楼道堆物")).toBeInTheDocument();
    const [list] = requestsTo(fetch, "GET /api/v1/steward-visits");
    expect(new URL(list?.url ?? "").searchParams.get("area_id")).toBe(AREA);
    await user.click(screen.getByRole("button", { name: /照\s*片/ }));
    const img = await screen.findByAltText("楼道.png");
    expect(img).toHaveAttribute("src", "blob:photo-1");
    expect(requestsTo(fetch, `GET /api/v1/steward-visits/${VISIT}/photos/${PHOTO}`)).toHaveLength(1);
    expect(revokeObjectURL).not.toHaveBeenCalled();

    // Closing the photos lets the browser free the bytes.
    await user.click(screen.getByRole("button", { name: "Close" }));
    await waitFor(() => {
      expect(revokeObjectURL).toHaveBeenCalledWith("blob:photo-1");
    });
  });

  it("says so when a visit has no photos", async () => {
    stubFetch({
      "GET /api/v1/steward-visits": () => json({ items: [visit], next_cursor: null }),
      [`GET /api/v1/steward-visits/${VISIT}/photos`]: () => json({ items: [] }),
    });
    const { user } = renderWithProviders(
      <App>
        <RecentVisits areaId={AREA} />
      </App>,
    );
    await user.click(await screen.findByRole("button", { name: /照\s*片/ }));
    expect(await screen.findByText("这次走访没有照片")).toBeInTheDocument();
  });

  it("a failed list shows its problem instead of spinning", async () => {
    stubFetch({ "GET /api/v1/steward-visits": () => problem(403, { title: "Forbidden" }) });
    renderWithProviders(
      <App>
        <RecentVisits areaId={AREA} />
      </App>,
    );
    expect(await screen.findByText("您没有执行此操作的权限")).toBeInTheDocument();
  });
});
