import { Card, Space, Spin, Tag, Timeline, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { CaseAction, CaseEvent } from "@/lib/types";
import { useCaseEvents } from "../api/case-events";
import { StatusTag } from "./case-tags";
import { DEADLINES } from "./deadline-kinds";
import { formatTime } from "./format";
import { useCaseNames } from "./use-case-names";

/** Every action on a case (for naming them in the timeline). */
const CASE_ACTIONS: readonly CaseAction[] = [
  "verify",
  "dispatch",
  "accept",
  "resolve",
  "reply",
  "visit",
  "close_on_spot",
  "cancel",
  "comment",
  "reassign",
  "pause",
  "resume",
  "escalate",
  "deescalate",
  "cancel_approve",
  "cancel_reject",
];

const isCaseAction = (value: string): value is CaseAction =>
  (CASE_ACTIONS as readonly string[]).includes(value);

/** Timeline entries that are not actions a user takes. */
const SYSTEM_EVENTS = ["register", "breach", "visit_check", "link", "unlink", "cancel_request"] as const;

/** The deadlines a `breach` event names (`payload.deadlines`). */
function breachedIn(event: CaseEvent): string[] {
  const payload = event.payload as Record<string, unknown>;
  const list = payload["deadlines"];
  return Array.isArray(list) ? list.filter((d): d is string => typeof d === "string") : [];
}

/** Everything that happened to the case, oldest first; internal notes greyed. */
export function CaseTimeline({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const events = useCaseEvents(caseId);
  const { person } = useCaseNames();
  const actionLabel = (name: string) => {
    if ((SYSTEM_EVENTS as readonly string[]).includes(name))
      return t(`case.event.${name as (typeof SYSTEM_EVENTS)[number]}`);
    return isCaseAction(name) ? t(`case.action.${name}`) : name;
  };
  const deadlineName = (name: string) =>
    (DEADLINES as readonly string[]).includes(name)
      ? t(`deadline.kind.${name as (typeof DEADLINES)[number]}`)
      : name;

  return (
    <Card title={t("case.timeline")}>
      {events.data ? (
        <Timeline
          items={events.data.items.map((e) => ({
            key: e.id,
            color: e.action === "breach" ? "red" : e.visibility === "internal" ? "gray" : "blue",
            children: (
              <div data-testid="timeline-entry">
                <Space wrap>
                  <Typography.Text strong>{actionLabel(e.action)}</Typography.Text>
                  <Tag color={e.visibility === "internal" ? "default" : "blue"}>
                    {t(`case.visibility.${e.visibility}`)}
                  </Tag>
                  {e.to_status && e.to_status !== e.from_status && <StatusTag status={e.to_status} />}
                  <Typography.Text type="secondary">
                    {formatTime(e.created_at)} · {e.actor_id ? person(e.actor_id) : t("case.system")}
                  </Typography.Text>
                </Space>
                {e.action === "breach" && breachedIn(e).length > 0 && (
                  <Typography.Text type="danger" style={{ display: "block", marginTop: 4 }}>
                    {t("case.breachOf", { deadlines: breachedIn(e).map(deadlineName).join("、") })}
                  </Typography.Text>
                )}
                {e.note && (
                  <Typography.Paragraph
                    type={e.visibility === "internal" ? "secondary" : undefined}
                    style={{ margin: "4px 0 0", whiteSpace: "pre-wrap" }}
                  >
                    {e.note}
                  </Typography.Paragraph>
                )}
              </div>
            ),
          }))}
        />
      ) : (
        <Spin />
      )}
    </Card>
  );
}
