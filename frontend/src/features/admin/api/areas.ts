import { queryOptions, useQuery } from "@tanstack/react-query";
import { api, unwrap } from "@/lib/api";
import { adminKeys } from "./keys";

export const areaListQuery = (projectId: string | undefined) =>
  queryOptions({
    queryKey: adminKeys.areaList(projectId ?? null),
    queryFn: ({ signal }) =>
      unwrap(api.GET("/api/v1/areas", { params: { query: { project_id: projectId, limit: 200 } }, signal })),
  });

/** Areas of a project, or of all projects; `enabled: false` until they are needed. */
export const useAreaList = (projectId: string | undefined, enabled = true) =>
  useQuery({ ...areaListQuery(projectId), enabled });
