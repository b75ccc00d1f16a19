import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { components } from "@/api/schema";
import { api, unwrap } from "@/lib/api";
import { noticeKeys } from "./keys";

export type Notice = components["schemas"]["NoticeResponse"];
export type NoticeKind = components["schemas"]["NoticeKind"];
export type CreateNoticeBody = components["schemas"]["CreateNoticeRequest"];

export const noticesQuery = () =>
  queryOptions({
    queryKey: noticeKeys.all,
    queryFn: ({ signal }) =>
      unwrap(api.GET("/api/v1/notices", { params: { query: { limit: 100 } }, signal })),
  });

export const useNotices = () => useQuery(noticesQuery());

export const projectsQuery = () =>
  queryOptions({
    queryKey: noticeKeys.projects,
    queryFn: ({ signal }) =>
      unwrap(api.GET("/api/v1/projects", { params: { query: { limit: 200 } }, signal })),
  });

export const useProjects = () => useQuery(projectsQuery());

export function useCreateNotice() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ body, key }: { body: CreateNoticeBody; key: string }) =>
      unwrap(api.POST("/api/v1/notices", { params: { header: { "Idempotency-Key": key } }, body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: noticeKeys.all }),
  });
}

/** Publishes a draft or withdraws a published notice. */
export function useNoticeAction() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, action }: { id: string; action: "publish" | "withdraw" }) =>
      unwrap(
        action === "publish"
          ? api.POST("/api/v1/notices/{id}/publish", { params: { path: { id } } })
          : api.POST("/api/v1/notices/{id}/withdraw", { params: { path: { id } } }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: noticeKeys.all }),
  });
}
