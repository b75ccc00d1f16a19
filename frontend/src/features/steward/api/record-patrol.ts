import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { components } from "@/api/schema";
import { api, unwrap } from "@/lib/api";
import { stewardKeys } from "./keys";

export type RecordPatrolBody = components["schemas"]["RecordPatrolRequest"];

/** Records a patrol (a failed checkpoint opens an incident case), then each result's photo. */
export function useRecordPatrol() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({
      body,
      key,
      photos,
    }: {
      body: RecordPatrolBody;
      key: string;
      photos: Record<string, File | undefined>;
    }) => {
      const patrol = await unwrap(
        api.POST("/api/v1/patrols", { params: { header: { "Idempotency-Key": key } }, body }),
      );
      for (const result of patrol.results) {
        const photo = photos[result.checkpoint_id];
        if (!photo) continue;
        await unwrap(
          api.POST("/api/v1/patrols/{id}/results/{result_id}/photos", {
            params: { path: { id: patrol.id, result_id: result.id } },
            // openapi-fetch sends FormData as is; the generated type describes the part names.
            body: { file: "" },
            bodySerializer: () => {
              const form = new FormData();
              form.append("file", photo);
              return form;
            },
          }),
        );
      }
      return patrol;
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: stewardKeys.all }),
  });
}
