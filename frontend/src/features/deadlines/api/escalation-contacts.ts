import { queryOptions, useQuery } from "@tanstack/react-query";
import { api, unwrap } from "@/lib/api";
import { deadlineKeys } from "./keys";

export const escalationContactsQuery = () =>
  queryOptions({
    queryKey: deadlineKeys.escalationContacts,
    queryFn: ({ signal }) => unwrap(api.GET("/api/v1/escalation-contacts", { signal })),
  });

export const useEscalationContacts = () => useQuery(escalationContactsQuery());
