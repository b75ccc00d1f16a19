import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { components } from "@/api/schema";
import { api, unwrap } from "@/lib/api";
import { deadlineKeys } from "./keys";

export type BusinessCalendar = components["schemas"]["BusinessCalendar"];

export function useUpdateSlaCalendar() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ etag, body }: { etag: string; body: BusinessCalendar }) =>
      unwrap(api.PUT("/api/v1/sla-calendar", { params: { header: { "If-Match": etag } }, body })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: deadlineKeys.slaCalendar }),
  });
}
