import { Alert, Button, Drawer, Form, Space } from "antd";
import { useTranslation } from "react-i18next";
import { errorMessage } from "@/lib/problem";
import type { WorkItem } from "../api/types";
import { useVisitSubmit } from "./use-visit-submit";
import { OpinionCaseFields, VisitFields } from "./visit-fields";
import type { VisitValues } from "./visit-values";

/** Records a visit to one household; an opinion that needs handling becomes a linked case. */
export function VisitForm({
  home,
  onClose,
}: {
  home: WorkItem | null;
  onClose: (done: string | null) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<VisitValues>();
  const { record, setPhoto, close, submit } = useVisitSubmit(home, form, onClose);

  const place = home ? `${home.building}-${home.unit}-${home.room}` : "";
  return (
    <Drawer
      open={home !== null}
      title={t("steward.visitTitle", { place })}
      width="min(100vw, 480px)"
      onClose={() => {
        close(null);
      }}
      destroyOnHidden
    >
      <Form<VisitValues>
        form={form}
        layout="vertical"
        initialValues={{
          purpose: home?.key_customer ? "key_customer" : "routine",
          reached: true,
          raise: false,
          case_kind: "complaint",
        }}
        onFinish={submit}
      >
        <VisitFields home={home} onPhoto={setPhoto} />
        <OpinionCaseFields />
        {record.isError && (
          <Alert type="error" showIcon message={errorMessage(record.error, t)} style={{ marginBottom: 12 }} />
        )}
        <Space>
          <Button type="primary" htmlType="submit" loading={record.isPending} data-testid="visit-submit">
            {t("steward.save")}
          </Button>
        </Space>
      </Form>
    </Drawer>
  );
}
