import { queryOptions, useQuery } from "@tanstack/react-query";
import { api, unwrap } from "@/lib/api";
import { deadlineKeys } from "./keys";

/** The business calendar and its ETag (`"0"` before the first save), to send back as If-Match. */
export const slaCalendarQuery = () =>
  queryOptions({
    queryKey: deadlineKeys.slaCalendar,
    queryFn: async ({ signal }) => {
      const result = await api.GET("/api/v1/sla-calendar", { signal });
      const calendar = await unwrap(Promise.resolve(result));
      return { calendar, etag: result.response.headers.get("ETag") ?? '"0"' };
    },
  });

export const useSlaCalendar = () => useQuery(slaCalendarQuery());
