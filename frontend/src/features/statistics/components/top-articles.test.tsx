import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { json, problem, stubFetch } from "@/testing/fetch";
import { renderWithProviders } from "@/testing/render";
import { TopArticles } from "./top-articles";

const article = "0192f0c4-0000-7000-8000-0000000000a1";
const gone = "0192f0c4-0000-7000-8000-0000000000a2";

describe("TopArticles", () => {
  it("lists the month's articles by inquiries closed, a deleted one by a placeholder", async () => {
    stubFetch({
      "GET /api/v1/stats/report": () =>
        json({
          month: "2026-12",
          top_articles: [
            { article_id: article, title: "停车月卡办理", inquiries: 3 },
            { article_id: gone, title: null, inquiries: 1 },
          ],
        }),
    });
    renderWithProviders(<TopArticles month="2026-12" />);
    const card = await screen.findByTestId("top-articles");
    expect(await within(card).findByText("停车月卡办理")).toBeInTheDocument();
    expect(within(card).getByText("3")).toBeInTheDocument();
    expect(within(card).getByText("（已删除）")).toBeInTheDocument();
    expect(within(card).getByText("现场解答咨询最多的知识库文章 · 2026-12")).toBeInTheDocument();
  }, 30_000);

  it("says when no inquiry was closed with an article, and shows a failure's problem", async () => {
    stubFetch({ "GET /api/v1/stats/report": () => json({ month: "2026-12", top_articles: [] }) });
    const { unmount } = renderWithProviders(<TopArticles month="2026-12" />);
    expect(await screen.findByText("2026-12 没有引用知识库文章现场解答的咨询")).toBeInTheDocument();
    unmount();
    stubFetch({ "GET /api/v1/stats/report": () => problem(403) });
    renderWithProviders(<TopArticles month="2026-12" />);
    expect(await screen.findByRole("alert")).toBeInTheDocument();
  }, 30_000);
});
