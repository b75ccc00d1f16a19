import { useMutation } from "@tanstack/react-query";
import { api, unwrap } from "@/lib/api";
import { useInvalidate } from "./shared";
import { adminKeys } from "./keys";

/** Imports properties from CSV text; a 422 problem names the bad lines in `errors`. */
export function useImportProperties() {
  const onSuccess = useInvalidate(adminKeys.properties);
  return useMutation({
    mutationFn: ({ projectId, csv }: { projectId: string; csv: string }) =>
      unwrap(
        api.POST("/api/v1/properties/import", {
          params: { query: { project_id: projectId } },
          body: csv,
          bodySerializer: (body) => body,
          headers: { "Content-Type": "text/csv" },
        }),
      ),
    onSuccess,
  });
}
