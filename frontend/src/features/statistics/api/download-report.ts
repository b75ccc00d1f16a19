import { api } from "@/lib/api";
import { ApiError } from "@/lib/problem";

/**
 * Downloads the monthly report (`month` = YYYY-MM) with the Bearer token and saves the blob.
 * (A plain link cannot carry the token.)
 */
export async function downloadReport(month: string, format: "xlsx" | "csv"): Promise<void> {
  const { data, error, response } = await api.GET("/api/v1/stats/report", {
    params: { query: { month, format } },
    parseAs: "blob",
  });
  if (!response.ok || !(data instanceof Blob)) throw ApiError.from(error, response);
  const url = URL.createObjectURL(data);
  const link = document.createElement("a");
  link.href = url;
  link.download = `huiyin-report-${month}.${format}`;
  document.body.appendChild(link);
  link.click();
  link.remove();
  window.setTimeout(() => {
    URL.revokeObjectURL(url);
  }, 10_000);
}
