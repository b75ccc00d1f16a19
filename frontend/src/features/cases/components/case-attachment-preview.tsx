import { PaperClipOutlined } from "@ant-design/icons";
import { Image, Spin } from "antd";
import { useEffect, useState } from "react";
import { api } from "@/lib/api";
import type { CaseDetail } from "@/lib/types";
import { useObjectUrl } from "@/lib/use-object-url";

type Attachment = CaseDetail["attachments"][number];

/** Attachments need the Bearer token, so they are fetched as blobs and shown from object URLs. */
export function AttachmentPreview({ caseId, attachment }: { caseId: string; attachment: Attachment }) {
  const [blob, setBlob] = useState<Blob | null>(null);
  const src = useObjectUrl(blob);
  const isImage = attachment.content_type.startsWith("image/");
  useEffect(() => {
    let cancelled = false;
    void api
      .GET("/api/v1/cases/{id}/attachments/{attachment_id}", {
        params: { path: { id: caseId, attachment_id: attachment.id } },
        parseAs: "blob",
      })
      .then(({ data }) => {
        if (!cancelled && data instanceof Blob) setBlob(data);
      });
    return () => {
      cancelled = true;
    };
  }, [caseId, attachment.id]);
  if (isImage)
    return src ? (
      <Image src={src} width={96} height={96} style={{ objectFit: "cover" }} alt={attachment.file_name} />
    ) : (
      <Spin />
    );
  return (
    <a href={src} download={attachment.file_name}>
      <PaperClipOutlined /> {attachment.file_name}
    </a>
  );
}
