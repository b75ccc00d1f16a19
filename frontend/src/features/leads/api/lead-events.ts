import { queryOptions, useQuery } from "@tanstack/react-query";
import type { components } from "@/api/schema";
import { api, unwrap } from "@/lib/api";
import { leadKeys } from "./keys";

export type LeadEvent = components["schemas"]["LeadEventResponse"];

export const leadEventsQuery = (id: string) =>
  queryOptions({
    queryKey: leadKeys.events(id),
    queryFn: ({ signal }) =>
      unwrap(api.GET("/api/v1/leads/{id}/events", { params: { path: { id } }, signal })),
  });

export const useLeadEvents = (id: string) => useQuery(leadEventsQuery(id));
