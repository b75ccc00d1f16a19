import { useQuery } from "@tanstack/react-query";
import { unwrap } from "@/lib/api";
import { residentApi } from "./client";
import { residentKeys } from "./keys";

export function useResidentCategories() {
  return useQuery({
    queryKey: residentKeys.categories,
    queryFn: () => unwrap(residentApi.GET("/api/v1/resident/categories", {})),
  });
}
