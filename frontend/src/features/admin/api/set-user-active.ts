import { useMutation } from "@tanstack/react-query";
import { api, unwrap } from "@/lib/api";
import { ifMatch, useInvalidate } from "./shared";
import { referenceKeys } from "@/lib/query-keys";

export function useSetUserActive() {
  const onSuccess = useInvalidate(referenceKeys.users);
  return useMutation({
    mutationFn: ({ id, version, active }: { id: string; version: number; active: boolean }) =>
      unwrap(
        api.PATCH("/api/v1/users/{id}", {
          params: { path: { id }, header: ifMatch(version) },
          body: { active },
        }),
      ),
    onSuccess,
  });
}
