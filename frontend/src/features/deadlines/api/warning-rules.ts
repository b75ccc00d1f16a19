import { queryOptions, useQuery } from "@tanstack/react-query";
import { api, unwrap } from "@/lib/api";
import { deadlineKeys } from "./keys";

/** The warning rules and their ETag (`"0"` while they are the defaults). */
export const warningRulesQuery = () =>
  queryOptions({
    queryKey: deadlineKeys.warningRules,
    queryFn: async ({ signal }) => {
      const result = await api.GET("/api/v1/warning-rules", { signal });
      const rules = await unwrap(Promise.resolve(result));
      return { rules, etag: result.response.headers.get("ETag") ?? '"0"' };
    },
  });

export const useWarningRules = () => useQuery(warningRulesQuery());
