import dayjs from "dayjs";

export interface Period {
  from: string;
  to: string;
}

export const thisMonth = (): Period => ({
  from: dayjs().startOf("month").format("YYYY-MM-DD"),
  to: dayjs().endOf("month").format("YYYY-MM-DD"),
});
