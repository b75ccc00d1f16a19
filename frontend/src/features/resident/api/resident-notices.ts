import { useQuery } from "@tanstack/react-query";
import { unwrap } from "@/lib/api";
import { residentApi } from "./client";
import { residentKeys } from "./keys";

/** Published notices of the resident's estate and buildings, newest first. */
export function useResidentNotices() {
  return useQuery({
    queryKey: residentKeys.notices,
    queryFn: () => unwrap(residentApi.GET("/api/v1/resident/notices", { params: { query: { limit: 20 } } })),
  });
}
