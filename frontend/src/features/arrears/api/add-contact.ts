import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { components } from "@/api/schema";
import { api, unwrap } from "@/lib/api";
import { arrearsKeys } from "./keys";

export type CreateContact = components["schemas"]["CreateContact"];

/** Records a contact; a service dispute comes back with the complaint it opened as `arrears.open_case`. */
export function useAddContact() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: CreateContact }) =>
      unwrap(api.POST("/api/v1/arrears/{id}/contacts", { params: { path: { id } }, body })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: arrearsKeys.all }),
  });
}
