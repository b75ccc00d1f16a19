import { queryOptions, useQuery } from "@tanstack/react-query";
import { api, unwrap } from "@/lib/api";
import { customerKeys } from "./keys";

export const customerQuery = (id: string) =>
  queryOptions({
    queryKey: customerKeys.detail(id),
    queryFn: ({ signal }) => unwrap(api.GET("/api/v1/customers/{id}", { params: { path: { id } }, signal })),
  });

export const useCustomer = (id: string | null) =>
  useQuery({ ...customerQuery(id ?? ""), enabled: id !== null });
