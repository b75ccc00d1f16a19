import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { components } from "@/api/schema";
import { api, unwrap } from "@/lib/api";
import { customerKeys } from "./keys";

export type UpdateCustomerBody = components["schemas"]["UpdateCustomer"];

/** Saves the archive with the version it was read at; a 412 means someone saved in between. */
export function useUpdateCustomer() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version, body }: { id: string; version: number; body: UpdateCustomerBody }) =>
      unwrap(
        api.PATCH("/api/v1/customers/{id}", {
          params: { path: { id }, header: { "If-Match": `"${version}"` } },
          body,
        }),
      ),
    onSettled: () => queryClient.invalidateQueries({ queryKey: customerKeys.all }),
  });
}
