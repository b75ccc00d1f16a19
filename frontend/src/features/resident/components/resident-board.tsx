import { Card, Collapse, Empty, Space, Typography } from "antd";
import dayjs from "dayjs";
import { useTranslation } from "react-i18next";
import { useResidentNotices } from "../api/resident-notices";
import { useResidentSteward } from "../api/resident-steward";

/** The steward to call for each property, and the estate's published notices. */
export function ResidentBoard() {
  const { t } = useTranslation();
  const stewards = useResidentSteward();
  const notices = useResidentNotices();
  const cards = (stewards.data?.items ?? []).filter((s) => s.steward);
  return (
    <Space direction="vertical" style={{ width: "100%" }}>
      <Typography.Title level={5}>{t("residentApp.steward")}</Typography.Title>
      {cards.length === 0 ? (
        <Typography.Text type="secondary">{t("residentApp.noSteward")}</Typography.Text>
      ) : (
        cards.map((s) => (
          <Card key={s.property_id} size="small" data-testid="resident-steward">
            <Space direction="vertical" size={0}>
              <Typography.Text strong>
                {s.steward?.name} · {s.area?.name}
              </Typography.Text>
              {s.steward?.phone && (
                <a href={`tel:${s.steward.phone}`}>
                  {t("residentApp.call")} {s.steward.phone}
                </a>
              )}
            </Space>
          </Card>
        ))
      )}
      <Typography.Title level={5}>{t("residentApp.notices")}</Typography.Title>
      {(notices.data?.items.length ?? 0) === 0 ? (
        <Empty description={t("residentApp.noNotices")} />
      ) : (
        <Collapse
          items={(notices.data?.items ?? []).map((n) => ({
            key: n.id,
            label: (
              <Space direction="vertical" size={0}>
                <Typography.Text strong>{n.title}</Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t(`notices.kinds.${n.kind}`)}
                  {n.published_at ? ` · ${dayjs(n.published_at).format("YYYY-MM-DD")}` : ""}
                </Typography.Text>
              </Space>
            ),
            children: (
              <Typography.Paragraph style={{ whiteSpace: "pre-wrap" }}>{n.body}</Typography.Paragraph>
            ),
          }))}
          data-testid="resident-notices"
        />
      )}
    </Space>
  );
}
