import { useQueryClient } from "@tanstack/react-query";
import type { CaseDetail } from "@/lib/types";
import { caseQuery } from "./get-case";
import { caseKeys } from "@/lib/query-keys";

/** What linking or unlinking a case refreshes: the case, its timeline, the lists and the parent. */
export function useAfterLink() {
  const queryClient = useQueryClient();
  return {
    onSuccess: (updated: CaseDetail, { parentId }: { parentId?: string }) => {
      queryClient.setQueryData(caseQuery(updated.id).queryKey, updated);
      void queryClient.invalidateQueries({ queryKey: caseKeys.events(updated.id) });
      void queryClient.invalidateQueries({ queryKey: caseKeys.lists });
      if (parentId) void queryClient.invalidateQueries({ queryKey: caseKeys.detail(parentId) });
    },
  };
}
