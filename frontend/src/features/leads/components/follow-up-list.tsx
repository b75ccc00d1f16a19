import { List } from "antd";
import { useTranslation } from "react-i18next";
import type { LeadEvent } from "../api/lead-events";

/** The lead's follow-ups, newest first: when, by which channel, the note and the next date. */
export function FollowUpList({ events }: { events: LeadEvent[] }) {
  const { t } = useTranslation();
  const followUps = events.filter((e) => e.action === "follow_up").reverse();
  return (
    <List
      size="small"
      dataSource={followUps}
      locale={{ emptyText: t("leads.followUp.none") }}
      renderItem={(e) => (
        <List.Item>
          <List.Item.Meta
            title={`${new Date(e.created_at).toLocaleString()} · ${e.channel ? t(`leads.channel.${e.channel}`) : ""}`}
            description={
              <>
                {e.note}
                {e.next_on && <div>{t("leads.followUp.nextOn", { date: e.next_on })}</div>}
              </>
            }
          />
        </List.Item>
      )}
    />
  );
}
