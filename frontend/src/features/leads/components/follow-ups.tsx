import { Space, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { Lead } from "../api/types";
import type { LeadEvent } from "../api/lead-events";
import { FollowUpForm } from "./follow-up-form";
import { FollowUpList } from "./follow-up-list";

/** The lead's follow-ups (newest first) and the form recording the next one. */
export function FollowUps({
  lead,
  events,
  mayWrite,
}: {
  lead: Lead;
  events: LeadEvent[];
  mayWrite: boolean;
}) {
  const { t } = useTranslation();
  const open = ["new", "dispatched", "measured", "proposal"].includes(lead.status);

  return (
    <Space direction="vertical" style={{ width: "100%" }} data-testid="lead-follow-ups">
      <Typography.Text type="secondary">
        {t("leads.followUp.cadence", {
          due: lead.follow_up_due_on,
          intent: t(`leads.intent.${lead.intent}`),
        })}
      </Typography.Text>
      <FollowUpList events={events} />
      {mayWrite && open && <FollowUpForm lead={lead} />}
    </Space>
  );
}
