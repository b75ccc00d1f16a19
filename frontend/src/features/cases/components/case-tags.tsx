import { Space, Tag, Tooltip, Typography } from "antd";
import dayjs from "dayjs";
import relativeTime from "dayjs/plugin/relativeTime";
import "dayjs/locale/zh-cn";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { CaseDetail, CaseStatus, Level, Severity } from "@/lib/types";

dayjs.extend(relativeTime);

const STATUS_COLORS: Record<CaseStatus, string> = {
  registered: "blue",
  dispatched: "geekblue",
  in_progress: "processing",
  resolved: "cyan",
  visiting: "purple",
  review: "red",
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

/** 二次报修: the repair repeats an earlier one of the same property and category. */
export function RepeatTag({
  repeatOf,
  withNumber,
}: {
  repeatOf?: CaseDetail["repeat_of"];
  withNumber?: boolean;
}) {
  const { t } = useTranslation();
  if (!repeatOf) return null;
  return (
    <Tag color="volcano" data-testid="repeat-tag">
      {withNumber ? t("case.repeatOf", { number: repeatOf.number }) : t("case.repeatRepair")}
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

const LEVEL_COLORS: Record<Level, string | undefined> = {
  project: undefined,
  area: "orange",
  company: "red",
};

/** 项目级 / 片区级 / 公司级: how far up the escalation ladder the case is. */
export function LevelTag({ level }: { level: Level }) {
  const { t } = useTranslation();
  return (
    <Tag color={LEVEL_COLORS[level]} data-testid="level-tag">
      {t(`case.level.${level}`)}
    </Tag>
  );
}

/** Re-renders every `ms` milliseconds, for countdowns. */
function useNow(ms: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => {
      setNow(Date.now());
    }, ms);
    return () => {
      window.clearInterval(timer);
    };
  }, [ms]);
  return now;
}

/** "2 d 3 h", "3 h 12 min", "12 min" — whole minutes, at most two units. */
function useSpan() {
  const { t } = useTranslation();
  return (ms: number) => {
    const minutes = Math.max(0, Math.floor(Math.abs(ms) / 60_000));
    const days = Math.floor(minutes / 1440);
    const hours = Math.floor((minutes % 1440) / 60);
    const mins = minutes % 60;
    if (days > 0) return t("deadline.spanDays", { days, hours });
    if (hours > 0) return t("deadline.spanHours", { hours, minutes: mins });
    return t("deadline.spanMinutes", { minutes: mins });
  };
}

/** Time left until `dueAt` ("剩 3 小时 12 分"), red once past it ("超时 20 分"); ticks every 30 s. */
export function Countdown({ dueAt, paused }: { dueAt?: string | null; paused?: boolean }) {
  const { t } = useTranslation();
  const now = useNow(30_000);
  const span = useSpan();
  if (paused) return <Tag color="warning">{t("deadline.paused")}</Tag>;
  if (!dueAt) return <Typography.Text type="secondary">—</Typography.Text>;
  const left = dayjs(dueAt).valueOf() - now;
  return (
    <Tooltip title={dayjs(dueAt).format("YYYY-MM-DD HH:mm")}>
      <Typography.Text
        type={left < 0 ? "danger" : left < 2 * 3600_000 ? "warning" : undefined}
        data-testid="countdown"
      >
        {left < 0 ? t("deadline.overBy", { span: span(left) }) : t("deadline.left", { span: span(left) })}
      </Typography.Text>
    </Tooltip>
  );
}

type Deadline = CaseDetail["deadlines"]["verify"];

/** One deadline of a case: met (green), breached (red), or the countdown to it. */
export function DeadlineMark({ deadline, paused }: { deadline: Deadline; paused: boolean }) {
  const { t } = useTranslation();
  const due = deadline.due_at ? (
    <Typography.Text type="secondary">{dayjs(deadline.due_at).format("MM-DD HH:mm")}</Typography.Text>
  ) : null;
  if (deadline.met)
    return (
      <Space size={4} wrap>
        <Tag color={deadline.breached ? "error" : "success"} data-testid="deadline-met">
          {deadline.breached ? t("deadline.metLate") : t("deadline.met")}
        </Tag>
        {due}
      </Space>
    );
  if (deadline.breached)
    return (
      <Space size={4} wrap>
        <Tag color="error" data-testid="deadline-breached">
          {t("deadline.breached")}
        </Tag>
        <Countdown dueAt={deadline.due_at} paused={paused} />
      </Space>
    );
  if (!deadline.due_at) return <Typography.Text type="secondary">{t("deadline.notStarted")}</Typography.Text>;
  return (
    <Space size={4} wrap>
      <Countdown dueAt={deadline.due_at} paused={paused} />
      {due}
    </Space>
  );
}
