import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { components } from "@/api/schema";
import { api, unwrap } from "@/lib/api";
import { deadlineKeys } from "./keys";

export type CreateEscalationContact = components["schemas"]["CreateEscalationContact"];

export function useCreateEscalationContact() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateEscalationContact) => unwrap(api.POST("/api/v1/escalation-contacts", { body })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: deadlineKeys.escalationContacts }),
  });
}
