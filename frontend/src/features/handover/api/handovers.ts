import { queryOptions, useQuery } from "@tanstack/react-query";
import type { components } from "@/api/schema";
import { api, unwrap } from "@/lib/api";
import { handoverKeys } from "./keys";

export type Handover = components["schemas"]["HandoverResponse"];
export type HandoverStatus = components["schemas"]["HandoverStatus"];

export const handoversQuery = (status?: HandoverStatus) =>
  queryOptions({
    queryKey: handoverKeys.list(status),
    queryFn: ({ signal }) =>
      unwrap(api.GET("/api/v1/handovers", { params: { query: { status, limit: 50 } }, signal })),
  });

export const useHandovers = (status?: HandoverStatus, enabled = true) =>
  useQuery({ ...handoversQuery(status), enabled });
