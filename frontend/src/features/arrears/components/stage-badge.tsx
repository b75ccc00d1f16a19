import { Tag } from "antd";
import { useTranslation } from "react-i18next";
import type { Stage } from "../api/arrears";

const COLORS: Record<Stage, string> = { steward: "default", supervisor: "orange", legal: "red" };

/** Who chases the arrears: the steward, the supervisor (≥ 6 months) or a legal decision (≥ 12). */
export function StageBadge({ stage }: { stage: Stage }) {
  const { t } = useTranslation();
  return (
    <Tag color={COLORS[stage]} data-testid={`stage-${stage}`}>
      {t(`arrears.stage.${stage}`)}
    </Tag>
  );
}
