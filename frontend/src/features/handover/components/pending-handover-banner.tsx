import { Alert, App, Button, Space } from "antd";
import dayjs from "dayjs";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import type { User } from "@/lib/auth";
import { can } from "@/lib/permissions";
import { errorMessage } from "@/lib/problem";
import { useAcceptHandover } from "../api/accept-handover";
import { useHandovers } from "../api/handovers";

/**
 * On the incoming agent's dashboard: handovers by others waiting to be signed, until accepted.
 * Only for those who write handovers (`handover_write`, from `GET /api/v1/me`).
 */
export function PendingHandoverBanner({ user }: { user: Pick<User, "id" | "permissions"> }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const desk = can(user, "handover_write");
  const pending = useHandovers("pending", desk);
  const accept = useAcceptHandover();
  const waiting = (pending.data?.items ?? []).filter((h) => h.author_id !== user.id);
  if (!desk || waiting.length === 0) return null;
  return (
    <Space direction="vertical" style={{ width: "100%" }} data-testid="pending-handover-banner">
      {waiting.map((h) => (
        <Alert
          key={h.id}
          type="warning"
          showIcon
          message={t("handover.banner.title", { time: dayjs(h.created_at).format("MM-DD HH:mm") })}
          description={h.notes ?? t("handover.banner.noNotes")}
          action={
            <Space>
              <Link to="/handovers">{t("handover.banner.open")}</Link>
              <Button
                size="small"
                type="primary"
                loading={accept.isPending}
                onClick={() => {
                  accept.mutate(
                    { id: h.id, version: h.version, note: null },
                    {
                      onSuccess: () => void message.success(t("handover.accepted")),
                      onError: (error) => void message.error(errorMessage(error, t)),
                    },
                  );
                }}
              >
                {t("handover.accept")}
              </Button>
            </Space>
          }
        />
      ))}
    </Space>
  );
}
