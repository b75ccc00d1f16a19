import { queryOptions, useQuery } from "@tanstack/react-query";
import { api, unwrap } from "@/lib/api";
import { worksKeys } from "./keys";

export const worksListQuery = () =>
  queryOptions({
    queryKey: worksKeys.list,
    queryFn: ({ signal }) => unwrap(api.GET("/api/v1/works", { params: { query: { limit: 200 } }, signal })),
  });

export const useWorksList = () => useQuery(worksListQuery());
