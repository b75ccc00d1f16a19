import { useQuery } from "@tanstack/react-query";
import { api, unwrap } from "@/lib/api";
import { worksKeys } from "./keys";

/** The number of a case linked to the works (for its link); `null` while unknown or not visible. */
export const useCaseNumber = (id: string) =>
  useQuery({
    queryKey: worksKeys.caseNumber(id),
    queryFn: ({ signal }) => unwrap(api.GET("/api/v1/cases/{id}", { params: { path: { id } }, signal })),
    select: (c) => c.number,
    retry: false,
  });
