import { render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { Markdown } from "./markdown";
import { parseBlocks } from "./markdown-blocks";

describe("Markdown", () => {
  it("renders headings, lists, bold, code and http links", () => {
    render(
      <Markdown
        source={"# 处理步骤\n1. 关闭**进水阀**\n2. 拍照\n- 注意 `安全`\n\n详见[手册](https://example.com/a)"}
      />,
    );
    expect(screen.getByRole("heading", { name: "处理步骤" })).toBeInTheDocument();
    expect(screen.getAllByRole("listitem")).toHaveLength(3);
    expect(screen.getByText("进水阀").tagName).toBe("STRONG");
    expect(screen.getByText("安全").tagName).toBe("CODE");
    expect(screen.getByRole("link", { name: "手册" })).toHaveAttribute("href", "https://example.com/a");
  });

  it("never turns text into markup or script links", () => {
    const { container } = render(
      <Markdown
        source={'<img src=x onerror="alert(1)"> [点我](javascript:alert(1)) <script>alert(2)</script>'}
      />,
    );
    expect(container.querySelector("img")).toBeNull();
    expect(container.querySelector("script")).toBeNull();
    expect(screen.queryByRole("link")).toBeNull();
    expect(container.textContent).toContain("<img src=x");
  });

  it("groups consecutive list lines and joins paragraph lines", () => {
    expect(parseBlocks("a\nb\n\n- x\n- y\n1. z")).toEqual([
      { kind: "paragraph", text: "a b" },
      { kind: "list", ordered: false, items: ["x", "y"] },
      { kind: "list", ordered: true, items: ["z"] },
    ]);
  });
});
