import { Descriptions } from "antd";
import { useTranslation } from "react-i18next";
import type { CaseDetail } from "@/lib/types";
import { DeadlineMark } from "./case-tags";
import { DEADLINES } from "./deadline-kinds";

/** Each deadline's due time or how it was met; frozen while paused or once the case ended. */
export function CaseDeadlines({ c }: { c: CaseDetail }) {
  const { t } = useTranslation();
  const ended = c.status === "closed" || c.status === "cancelled";
  return (
    <Descriptions
      size="small"
      title={t("deadline.title")}
      style={{ marginTop: 12 }}
      column={{ xs: 1, sm: 2, lg: 4 }}
      data-testid="deadlines"
      items={DEADLINES.map((name) => ({
        key: name,
        label: t(`deadline.kind.${name}`),
        children: (
          <span data-testid={`deadline-${name}`}>
            <DeadlineMark deadline={c.deadlines[name]} paused={c.paused || ended} />
          </span>
        ),
      }))}
    />
  );
}
