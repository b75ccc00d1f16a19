import { Alert, Button, Card, Empty, Image, List, Modal, Space, Spin, Tag, Typography } from "antd";
import dayjs from "dayjs";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { errorMessage } from "@/lib/problem";
import { useObjectUrl } from "@/lib/use-object-url";
import { useAreaVisits } from "../api/area-visits";
import { useVisitPhoto } from "../api/visit-photo";
import { useVisitPhotos } from "../api/visit-photos";

function Photo({ visitId, photoId, name }: { visitId: string; photoId: string; name: string }) {
  const photo = useVisitPhoto(visitId, photoId);
  const url = useObjectUrl(photo.data);
  if (photo.isError) return <Tag color="red">{name}</Tag>;
  if (!url) return <Spin size="small" />;
  return <Image src={url} alt={name} width={120} data-testid="visit-photo" />;
}

/** A visit's photos, fetched with the user's token and shown as thumbnails. */
function VisitPhotos({ visitId, onClose }: { visitId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const photos = useVisitPhotos(visitId);
  return (
    <Modal open title={t("steward.photos")} footer={null} onCancel={onClose}>
      {photos.isError ? (
        <Alert type="error" showIcon message={errorMessage(photos.error, t)} />
      ) : !photos.data ? (
        <Spin />
      ) : photos.data.items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("steward.noPhotos")} />
      ) : (
        <Image.PreviewGroup>
          <Space wrap>
            {photos.data.items.map((p) => (
              <Photo key={p.id} visitId={visitId} photoId={p.id} name={p.file_name} />
            ))}
          </Space>
        </Image.PreviewGroup>
      )}
    </Modal>
  );
}

/** The area's latest visits, each with its photos on demand. */
export function RecentVisits({ areaId }: { areaId: string }) {
  const { t } = useTranslation();
  const visits = useAreaVisits(areaId);
  const [open, setOpen] = useState<string | null>(null);
  return (
    <Card size="small" title={t("steward.recentVisits")} data-testid="steward-recent-visits">
      {visits.isError ? (
        <Alert type="error" showIcon message={errorMessage(visits.error, t)} />
      ) : (
        <List
          size="small"
          loading={visits.isPending}
          dataSource={visits.data?.items ?? []}
          locale={{ emptyText: t("steward.noVisits") }}
          renderItem={(v) => (
            <List.Item
              actions={[
                <Button
                  key="photos"
                  size="small"
                  onClick={() => {
                    setOpen(v.id);
                  }}
                >
                  {t("steward.photos")}
                </Button>,
              ]}
            >
              <Space wrap>
                <Typography.Text>{dayjs(v.visited_at).format("MM-DD HH:mm")}</Typography.Text>
                <Tag>{t(`steward.purposes.${v.purpose}`)}</Tag>
                {v.opinions && <Typography.Text type="secondary">{v.opinions}</Typography.Text>}
              </Space>
            </List.Item>
          )}
        />
      )}
      {open && (
        <VisitPhotos
          visitId={open}
          onClose={() => {
            setOpen(null);
          }}
        />
      )}
    </Card>
  );
}
