import { Tag, Tooltip, Typography } from "antd";
import dayjs from "dayjs";
import relativeTime from "dayjs/plugin/relativeTime";
import "dayjs/locale/zh-cn";
import { useTranslation } from "react-i18next";
import type { CaseStatus, Severity } from "@/lib/types";

dayjs.extend(relativeTime);

const STATUS_COLORS: Record<CaseStatus, string> = {
  registered: "blue",
  dispatched: "geekblue",
  in_progress: "processing",
  resolved: "cyan",
  visiting: "purple",
  closed: "success",
  cancelled: "default",
};

export function StatusTag({ status }: { status: CaseStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATUS_COLORS[status]} data-testid="status-tag">
      {t(`case.status.${status}`)}
    </Tag>
  );
}

export function SeverityTag({ severity }: { severity: Severity }) {
  const { t } = useTranslation();
  if (severity === "normal") return <Tag>{t("case.severity.normal")}</Tag>;
  return <Tag color={severity === "urgent" ? "red" : "orange"}>{t(`case.severity.${severity}`)}</Tag>;
}

/** "in 3 hours" / "2 hours ago", red when overdue. */
export function DueTime({
  dueAt,
  overdue,
  done,
}: {
  dueAt?: string | null;
  overdue?: boolean;
  done?: boolean;
}) {
  const { i18n } = useTranslation();
  if (!dueAt) return <Typography.Text type="secondary">—</Typography.Text>;
  const due = dayjs(dueAt).locale(i18n.resolvedLanguage === "en" ? "en" : "zh-cn");
  const late = overdue ?? due.isBefore(dayjs());
  return (
    <Tooltip title={due.format("YYYY-MM-DD HH:mm")}>
      <Typography.Text type={late && !done ? "danger" : undefined} data-testid="due-time">
        {due.fromNow()}
      </Typography.Text>
    </Tooltip>
  );
}
