import { useQuery } from "@tanstack/react-query";
import type { components } from "@/api/schema";
import { unwrap } from "@/lib/api";
import { residentApi } from "./client";
import { residentKeys } from "./keys";

export type ResidentCaseSummary = components["schemas"]["ResidentCaseSummary"];

export function useResidentCases() {
  return useQuery({
    queryKey: residentKeys.cases,
    queryFn: () => unwrap(residentApi.GET("/api/v1/resident/cases", {})),
  });
}
