import { Alert, Button, Card, Flex, Space, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import type { CaseAction, CaseDetail } from "@/lib/types";
import { CaseDeadlines } from "./case-deadlines";
import { CaseFacts } from "./case-facts";
import { LevelTag, RepeatTag, SeverityTag, StatusTag } from "./case-tags";
import { formatTime } from "./format";
import { useCaseNames } from "./use-case-names";

/**
 * The top of the case page: number and tags, one button per action the server lists in
 * `available_actions` (narrowed by the case's state and the caller's role, in the console's
 * order), the pause and cancellation-request notices, title, description, facts and deadlines.
 */
export function CaseHeader({ c, onAction }: { c: CaseDetail; onAction: (action: CaseAction) => void }) {
  const { t } = useTranslation();
  const { person } = useCaseNames();
  return (
    <Card>
      <Flex justify="space-between" wrap gap="middle">
        <Space wrap size="middle">
          <Typography.Title level={3} style={{ margin: 0 }} data-testid="case-number" copyable>
            {c.number}
          </Typography.Title>
          <StatusTag status={c.status} />
          <Tag>{t(`case.kind.${c.kind}`)}</Tag>
          <SeverityTag severity={c.severity} />
          <LevelTag level={c.level} />
          {c.repeat_of && (
            <Link to={`/cases/${c.repeat_of.id}`}>
              <RepeatTag repeatOf={c.repeat_of} withNumber />
            </Link>
          )}
          {c.paused && (
            <Tag color="warning" data-testid="paused-tag">
              {t("case.paused")}
            </Tag>
          )}
        </Space>
        <Space wrap>
          {c.available_actions.map((a) => (
            <Button
              key={a}
              type={a === "comment" ? "default" : "primary"}
              danger={a === "cancel" || a === "cancel_approve"}
              data-testid={`action-${a}`}
              onClick={() => {
                onAction(a);
              }}
            >
              {t(`case.action.${a}`)}
            </Button>
          ))}
        </Space>
      </Flex>
      {c.paused && (
        <Alert
          type="warning"
          showIcon
          style={{ marginTop: 12 }}
          data-testid="paused-alert"
          message={t("case.pausedSince", { time: formatTime(c.deadlines.paused_at) })}
          description={c.deadlines.pause_reason}
        />
      )}
      {c.cancel_request && (
        <Alert
          type="warning"
          showIcon
          style={{ marginTop: 12 }}
          data-testid="cancel-request-alert"
          message={t("case.cancelRequested", {
            reason: t(`case.cancelReason.${c.cancel_request.reason}`),
          })}
          description={`${person(c.cancel_request.requested_by)} · ${formatTime(c.cancel_request.requested_at)} · ${c.cancel_request.note}`}
        />
      )}
      <Typography.Title level={5}>{c.title}</Typography.Title>
      <Typography.Paragraph style={{ whiteSpace: "pre-wrap" }}>{c.description}</Typography.Paragraph>
      <CaseFacts c={c} />
      <CaseDeadlines c={c} />
    </Card>
  );
}
