import { screen, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { json, requestsTo, stubFetch } from "@/testing/fetch";
import { renderWithProviders } from "@/testing/render";
import { ArticlePicker } from "./article-picker";

const summary = (id: string, title: string, status: "published" | "draft" = "published") => ({
  id,
  title,
  status,
  excerpt: "……",
  category_ids: [],
  project_ids: [],
  tags: [],
  updated_at: "2026-12-01T00:00:00Z",
  version: 1,
});

describe("ArticlePicker", () => {
  it("offers the case title's suggestions, searches published articles when typing and hands back the pick", async () => {
    const fetch = stubFetch({
      "GET /api/v1/knowledge/suggestions": () =>
        json({ items: [summary("0192f0c4-0000-7000-8000-0000000000a1", "停车月卡办理")] }),
      "GET /api/v1/knowledge": () =>
        json({
          items: [
            summary("0192f0c4-0000-7000-8000-0000000000a2", "临时停车收费"),
            summary("0192f0c4-0000-7000-8000-0000000000a3", "停车草稿", "draft"),
          ],
          next_cursor: null,
        }),
    });
    const picked: (string | undefined)[] = [];
    const { user } = renderWithProviders(
      <ArticlePicker title="停车月卡怎么办" onChange={(id) => picked.push(id)} />,
    );
    await waitFor(() => {
      expect(requestsTo(fetch, "GET /api/v1/knowledge/suggestions")).toHaveLength(1);
    });
    const suggestionsUrl = new URL(requestsTo(fetch, "GET /api/v1/knowledge/suggestions")[0]?.url ?? "");
    expect(suggestionsUrl.searchParams.get("title")).toBe("停车月卡怎么办");
    expect(requestsTo(fetch, "GET /api/v1/knowledge")).toHaveLength(0);

    const box = screen.getByRole("combobox");
    await user.click(box);
    await user.click(await screen.findByText("停车月卡办理"));
    expect(picked).toEqual(["0192f0c4-0000-7000-8000-0000000000a1"]);

    await user.type(box, "停车");
    expect(await screen.findByText("临时停车收费")).toBeInTheDocument();
    expect(screen.queryByText("停车草稿")).not.toBeInTheDocument();
    const searched = requestsTo(fetch, "GET /api/v1/knowledge").map((r) => new URL(r.url));
    expect(searched.at(-1)?.searchParams.get("status")).toBe("published");
    expect(searched.at(-1)?.searchParams.get("q")).toBe("停车");
  }, 30_000);
});
