import type { Ratio } from "@/lib/types";

export const percent = (ratio: Ratio) =>
  ratio.rate === null || ratio.rate === undefined ? "—" : `${(ratio.rate * 100).toFixed(1)}%`;
