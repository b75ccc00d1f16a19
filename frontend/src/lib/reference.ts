import { queryOptions, useQuery } from "@tanstack/react-query";
import { api, unwrap } from "./api";
import { referenceKeys } from "@/lib/query-keys";

/** Reference data shared by several screens; it changes rarely, so it is cached for minutes. */
const STALE = 5 * 60 * 1000;

export const categoriesQuery = () =>
  queryOptions({
    queryKey: referenceKeys.categories,
    queryFn: ({ signal }) => unwrap(api.GET("/api/v1/categories", { signal })),
    staleTime: STALE,
  });

export const departmentsQuery = () =>
  queryOptions({
    queryKey: referenceKeys.departments,
    queryFn: ({ signal }) => unwrap(api.GET("/api/v1/departments", { signal })),
    staleTime: STALE,
  });

export const projectsQuery = () =>
  queryOptions({
    queryKey: referenceKeys.projects,
    queryFn: ({ signal }) => unwrap(api.GET("/api/v1/projects", { signal })),
    staleTime: STALE,
  });

export const usersQuery = (departmentId?: string) =>
  queryOptions({
    queryKey: referenceKeys.usersOf(departmentId ?? null),
    queryFn: ({ signal }) =>
      unwrap(
        api.GET("/api/v1/users", {
          params: { query: { department_id: departmentId, active: true, limit: 200 } },
          signal,
        }),
      ),
    staleTime: STALE,
  });

export const useCategories = () => useQuery(categoriesQuery());
export const useDepartments = () => useQuery(departmentsQuery());
export const useProjects = () => useQuery(projectsQuery());
export const useUsers = (departmentId?: string, enabled = true) =>
  useQuery({ ...usersQuery(departmentId), enabled });
