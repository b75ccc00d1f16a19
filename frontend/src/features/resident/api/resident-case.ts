import { useQuery } from "@tanstack/react-query";
import type { components } from "@/api/schema";
import { unwrap } from "@/lib/api";
import { residentApi } from "./client";
import { residentKeys } from "./keys";

export type ResidentCase = components["schemas"]["ResidentCaseResponse"];

export function useResidentCase(id: string) {
  return useQuery({
    queryKey: residentKeys.case(id),
    queryFn: () => unwrap(residentApi.GET("/api/v1/resident/cases/{id}", { params: { path: { id } } })),
  });
}
