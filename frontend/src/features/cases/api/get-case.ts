import { queryOptions, useQuery } from "@tanstack/react-query";
import { api, unwrap } from "@/lib/api";
import { caseKeys } from "@/lib/query-keys";

export const caseQuery = (id: string) =>
  queryOptions({
    queryKey: caseKeys.detail(id),
    queryFn: ({ signal }) => unwrap(api.GET("/api/v1/cases/{id}", { params: { path: { id } }, signal })),
  });

export const useCase = (id: string) => useQuery(caseQuery(id));
