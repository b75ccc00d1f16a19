import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api, unwrap } from "@/lib/api";
import { arrearsKeys } from "./keys";

/** Imports arrears from CSV text; a 422 problem names the bad lines in `errors`. */
export function useImportArrears() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ projectId, csv }: { projectId: string; csv: string }) =>
      unwrap(
        api.POST("/api/v1/arrears/import", {
          params: { query: { project_id: projectId } },
          body: csv,
          bodySerializer: (body) => body,
          headers: { "Content-Type": "text/csv" },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: arrearsKeys.all }),
  });
}
