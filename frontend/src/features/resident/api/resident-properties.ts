import { useQuery } from "@tanstack/react-query";
import { unwrap } from "@/lib/api";
import { residentApi } from "./client";
import { residentKeys } from "./keys";

export function useResidentProperties() {
  return useQuery({
    queryKey: residentKeys.properties,
    queryFn: () => unwrap(residentApi.GET("/api/v1/resident/properties", {})),
  });
}
