import { Alert, Button, Image, List, Modal, Space, Spin, Tag, Typography } from "antd";
import dayjs from "dayjs";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { errorMessage } from "@/lib/problem";
import { useObjectUrl } from "@/lib/use-object-url";
import type { Patrol, PatrolResult } from "../api/types";
import { useResultPhoto } from "../api/result-photo";
import { useResultPhotos } from "../api/result-photos";
import type { PatrolRoute } from "../api/types";

function Photo({
  patrolId,
  resultId,
  photoId,
  name,
}: {
  patrolId: string;
  resultId: string;
  photoId: string;
  name: string;
}) {
  const photo = useResultPhoto(patrolId, resultId, photoId);
  const url = useObjectUrl(photo.data);
  if (photo.isError) return <Tag color="red">{name}</Tag>;
  if (!url) return <Spin size="small" />;
  return <Image src={url} alt={name} width={96} data-testid="patrol-photo" />;
}

/** The photos taken at one checkpoint, fetched with the user's token. */
function ResultPhotos({ patrolId, resultId }: { patrolId: string; resultId: string }) {
  const { t } = useTranslation();
  const photos = useResultPhotos(patrolId, resultId);
  if (photos.isError)
    return (
      <Alert
        type="error"
        showIcon
        message={errorMessage(photos.error, t)}
        data-testid="patrol-photos-error"
        action={
          <Button size="small" onClick={() => void photos.refetch()}>
            {t("common.retry")}
          </Button>
        }
      />
    );
  if (!photos.data) return <Spin size="small" data-testid="patrol-photos-loading" />;
  if (photos.data.items.length === 0)
    return (
      <Typography.Text type="secondary" data-testid="patrol-photos-empty">
        {t("steward.patrols.noPhotos")}
      </Typography.Text>
    );
  return (
    <Image.PreviewGroup>
      <Space wrap>
        {photos.data.items.map((p) => (
          <Photo key={p.id} patrolId={patrolId} resultId={resultId} photoId={p.id} name={p.file_name} />
        ))}
      </Space>
    </Image.PreviewGroup>
  );
}

function ResultItem({
  patrol,
  result,
  route,
}: {
  patrol: Patrol;
  result: PatrolResult;
  route?: PatrolRoute;
}) {
  const { t } = useTranslation();
  const checkpoint = route?.checkpoints.find((c) => c.id === result.checkpoint_id);
  return (
    <List.Item data-testid="patrol-result">
      <Space direction="vertical" size={4} style={{ width: "100%" }}>
        <Space wrap size={4}>
          <Typography.Text strong>{checkpoint?.name ?? t("steward.patrols.checkpoint")}</Typography.Text>
          {result.ok ? (
            <Tag color="green">{t("steward.ok")}</Tag>
          ) : (
            <Tag color="red">{t("steward.notOk")}</Tag>
          )}
          {result.case_id && (
            <Link to={`/cases/${result.case_id}`} data-testid="patrol-result-case">
              {t("steward.patrols.case")}
            </Link>
          )}
        </Space>
        {result.note && <Typography.Text type="secondary">{result.note}</Typography.Text>}
        <ResultPhotos patrolId={patrol.id} resultId={result.id} />
      </Space>
    </List.Item>
  );
}

/** One patrol: each checkpoint's result, its note, the incident case it opened and its photos. */
export function PatrolDetail({
  patrol,
  route,
  onClose,
}: {
  patrol: Patrol;
  route?: PatrolRoute;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      open
      footer={null}
      onCancel={onClose}
      title={t("steward.patrols.detailTitle", {
        route: route?.name ?? "",
        at: dayjs(patrol.finished_at).format("YYYY-MM-DD HH:mm"),
      })}
    >
      <List
        size="small"
        dataSource={patrol.results}
        renderItem={(result) => <ResultItem patrol={patrol} result={result} route={route} />}
      />
    </Modal>
  );
}
