import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api, unwrap } from "@/lib/api";
import type { RoutingRuleInput } from "./create-routing-rule";
import { deadlineKeys } from "./keys";

/** Replaces a routing rule with `If-Match: "<version>"`. */
export function useUpdateRoutingRule() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version, body }: { id: string; version: number; body: RoutingRuleInput }) =>
      unwrap(
        api.PUT("/api/v1/routing-rules/{id}", {
          params: { path: { id }, header: { "If-Match": `"${version}"` } },
          body,
        }),
      ),
    onSettled: () => queryClient.invalidateQueries({ queryKey: deadlineKeys.routingRules }),
  });
}
