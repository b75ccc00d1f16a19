import { queryOptions, useQuery } from "@tanstack/react-query";
import type { components } from "@/api/schema";
import { api, unwrap } from "@/lib/api";
import { noticeKeys } from "./keys";

export type Notice = components["schemas"]["NoticeResponse"];
export type NoticeKind = components["schemas"]["NoticeKind"];

export const noticesQuery = () =>
  queryOptions({
    queryKey: noticeKeys.all,
    queryFn: ({ signal }) =>
      unwrap(api.GET("/api/v1/notices", { params: { query: { limit: 100 } }, signal })),
  });

export const useNotices = () => useQuery(noticesQuery());
