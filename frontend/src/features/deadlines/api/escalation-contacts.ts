import { queryOptions, useQuery } from "@tanstack/react-query";
import { api, unwrap } from "@/lib/api";

export const escalationContactsQuery = () =>
  queryOptions({
    queryKey: ["escalation-contacts"],
    queryFn: ({ signal }) => unwrap(api.GET("/api/v1/escalation-contacts", { signal })),
  });

export const useEscalationContacts = () => useQuery(escalationContactsQuery());
