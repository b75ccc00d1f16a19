import { UploadOutlined } from "@ant-design/icons";
import { App, Button, Card, Empty, Flex, Image, Upload } from "antd";
import { useTranslation } from "react-i18next";
import { errorMessage } from "@/lib/problem";
import type { CaseDetail } from "@/lib/types";
import { useUploadAttachment } from "../api/upload-attachment";
import { AttachmentPreview } from "./case-attachment-preview";

/** The case's attachments (images as thumbnails, other files as downloads) and the upload. */
export function CaseAttachments({ c }: { c: CaseDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const upload = useUploadAttachment(c.id);
  return (
    <Card
      title={t("case.attachments")}
      size="small"
      extra={
        <Upload
          showUploadList={false}
          customRequest={({ file, onSuccess, onError }) => {
            if (!(file instanceof File)) return;
            upload.mutate(file, {
              onSuccess: () => {
                onSuccess?.(null);
              },
              onError: (error) => {
                void message.error(errorMessage(error, t));
                onError?.(error);
              },
            });
          }}
        >
          <Button size="small" icon={<UploadOutlined />} loading={upload.isPending}>
            {t("case.upload")}
          </Button>
        </Upload>
      }
    >
      {c.attachments.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("case.noAttachments")} />
      ) : (
        <Image.PreviewGroup>
          <Flex wrap gap="small">
            {c.attachments.map((a) => (
              <AttachmentPreview key={a.id} caseId={c.id} attachment={a} />
            ))}
          </Flex>
        </Image.PreviewGroup>
      )}
    </Card>
  );
}
