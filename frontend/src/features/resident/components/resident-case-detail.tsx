import { Alert, Button, Card, Space, Spin, Tag, Timeline, Typography } from "antd";
import dayjs from "dayjs";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router-dom";
import { errorMessage } from "@/lib/problem";
import { useResidentCase } from "../api/resident-case";
import { useWithdrawCase } from "../api/withdraw-case";
import { ResidentRatePanel } from "./resident-rate-panel";
import { useBilingual } from "./use-bilingual";

/** One of the resident's cases: its state, what happened (public entries), rate or withdraw. */
export function ResidentCaseDetail() {
  const { t } = useTranslation();
  const text = useBilingual();
  const { id = "" } = useParams();
  const detail = useResidentCase(id);
  const withdraw = useWithdrawCase(id);
  const [rated, setRated] = useState(false);
  if (detail.isError) return <Alert type="error" message={errorMessage(detail.error, t)} />;
  if (detail.isPending) return <Spin />;
  const c = detail.data;
  return (
    <Space direction="vertical" style={{ width: "100%" }}>
      <Link to="/resident">{t("residentApp.back")}</Link>
      <Card title={c.title} extra={<Tag data-testid="resident-status">{t(`case.status.${c.status}`)}</Tag>}>
        <Typography.Paragraph>{text(c.progress)}</Typography.Paragraph>
        <Typography.Paragraph type="secondary">
          {c.number} · {t(`case.kind.${c.kind}`)} · {c.property_label ?? ""}
        </Typography.Paragraph>
        <Typography.Paragraph>{c.description}</Typography.Paragraph>
        {c.due_at && (
          <Typography.Paragraph data-testid="resident-due">
            {t("residentApp.due", { time: dayjs(c.due_at).format("YYYY-MM-DD HH:mm") })}
          </Typography.Paragraph>
        )}
        {c.attachments.length > 0 && (
          <Typography.Paragraph data-testid="resident-photos">
            {t("residentApp.photos")}: {c.attachments.map((a) => a.file_name).join(", ")}
          </Typography.Paragraph>
        )}
        {c.satisfaction && (
          <Typography.Paragraph>
            {t("residentApp.yourRating")}: {t(`case.satisfaction.${c.satisfaction}`)}
          </Typography.Paragraph>
        )}
      </Card>
      {(c.can_rate || rated) && (
        <ResidentRatePanel
          id={c.id}
          onRated={() => {
            setRated(true);
          }}
        />
      )}
      {c.can_withdraw && (
        <Button
          danger
          block
          loading={withdraw.isPending}
          data-testid="resident-withdraw"
          onClick={() => {
            withdraw.mutate();
          }}
        >
          {t("residentApp.withdraw")}
        </Button>
      )}
      {withdraw.isError && <Alert type="error" message={errorMessage(withdraw.error, t)} />}
      <Card size="small" title={t("residentApp.timeline")}>
        <Timeline
          items={c.timeline.map((entry) => ({
            key: entry.id,
            children: (
              <>
                <div>{text(entry.title)}</div>
                {entry.note && <Typography.Text type="secondary">{entry.note}</Typography.Text>}
                <div style={{ fontSize: 12, color: "#999" }}>
                  {dayjs(entry.at).format("YYYY-MM-DD HH:mm")}
                </div>
              </>
            ),
          }))}
        />
      </Card>
    </Space>
  );
}
