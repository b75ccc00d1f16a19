import { Timeline, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { LeadEvent } from "../api/lead-events";

/** The lead's event history, oldest first: registration, dispatches, progress, follow-ups, loss. */
export function LeadHistory({ events }: { events: LeadEvent[] }) {
  const { t } = useTranslation();
  return (
    <Timeline
      data-testid="lead-history"
      items={events.map((e) => {
        const payload = (e.payload ?? {}) as Record<string, unknown>;
        const to =
          typeof payload.to === "string" ? t(`leads.status.${payload.to}`, { defaultValue: payload.to }) : "";
        return {
          key: e.id,
          color: e.action.includes("lose") || e.action.includes("loss") ? "red" : "blue",
          children: (
            <>
              <Typography.Text strong>
                {t(`leads.event.${e.action}`, { defaultValue: e.action })}
              </Typography.Text>{" "}
              <Typography.Text type="secondary">{new Date(e.created_at).toLocaleString()}</Typography.Text>
              {to && <div>→ {to}</div>}
              {e.note && <div>{e.note}</div>}
            </>
          ),
        };
      })}
    />
  );
}
