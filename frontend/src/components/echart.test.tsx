import { render, screen } from "@testing-library/react";
import { setPlatformAPI } from "echarts/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EChart } from "./echart";

// jsdom has no layout and no canvas: give elements a size and measure text approximately.
const sizes = ["clientWidth", "clientHeight"] as const;
beforeAll(() => {
  setPlatformAPI({ measureText: (text = "") => ({ width: text.length * 7 }) });
  for (const size of sizes) {
    Object.defineProperty(HTMLElement.prototype, size, { configurable: true, get: () => 400 });
  }
});
afterAll(() => {
  for (const size of sizes) Reflect.deleteProperty(HTMLElement.prototype, size);
});

describe("EChart", () => {
  it("draws the series as SVG", () => {
    render(
      <EChart
        label="每月投诉数"
        height={200}
        option={{
          xAxis: { type: "category", data: ["9月", "10月", "11月"] },
          yAxis: { type: "value" },
          series: [{ type: "bar", data: [12, 7, 9] }],
        }}
      />,
    );
    const chart = screen.getByRole("img", { name: "每月投诉数" });
    const svg = chart.querySelector("svg");
    expect(svg).not.toBeNull();
    expect(svg?.textContent).toContain("10月");
  });
});
