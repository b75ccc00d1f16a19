import { queryOptions, useQuery } from "@tanstack/react-query";
import { api, unwrap } from "@/lib/api";
import { noticeKeys } from "./keys";

export const projectsQuery = () =>
  queryOptions({
    queryKey: noticeKeys.projects,
    queryFn: ({ signal }) =>
      unwrap(api.GET("/api/v1/projects", { params: { query: { limit: 200 } }, signal })),
  });

export const useProjects = () => useQuery(projectsQuery());
