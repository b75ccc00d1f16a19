import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { components } from "@/api/schema";
import { api, unwrap } from "@/lib/api";
import { deadlineKeys } from "./keys";

export type RoutingRuleInput = components["schemas"]["RoutingRuleInput"];

export function useCreateRoutingRule() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: RoutingRuleInput) => unwrap(api.POST("/api/v1/routing-rules", { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: deadlineKeys.routingRules }),
  });
}
