import { queryOptions, useQuery } from "@tanstack/react-query";
import { api, unwrap } from "@/lib/api";
import { warningKeys } from "@/lib/query-keys";

/** The newest open complaint warnings, for the dashboard card. */
export const openWarningsQuery = () =>
  queryOptions({
    queryKey: warningKeys.openOnDashboard,
    queryFn: ({ signal }) =>
      unwrap(api.GET("/api/v1/warnings", { params: { query: { status: "open", limit: 5 } }, signal })),
    staleTime: 60_000,
  });

export const useOpenWarnings = (enabled: boolean) => useQuery({ ...openWarningsQuery(), enabled });
