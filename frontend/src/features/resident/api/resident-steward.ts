import { useQuery } from "@tanstack/react-query";
import { unwrap } from "@/lib/api";
import { residentApi } from "./client";
import { residentKeys } from "./keys";

/** For each of the resident's properties: its area and the steward's name and work phone. */
export function useResidentSteward() {
  return useQuery({
    queryKey: residentKeys.steward,
    queryFn: () => unwrap(residentApi.GET("/api/v1/resident/steward", {})),
  });
}
