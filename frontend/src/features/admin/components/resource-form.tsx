import { Alert, Form, Modal } from "antd";
import { useTranslation } from "react-i18next";
import type { Mode, ResourcePanelProps, Row } from "./resource-panel-types";
import { useResourceSave } from "./use-resource-save";

/** The "New" or "Edit" modal of a resource panel. */
export function ResourceForm<R extends Row, V extends object>({
  panel,
  mode,
  row,
  onClose,
}: {
  panel: ResourcePanelProps<R, V>;
  mode: Mode;
  /** The edited row as the table has it now (a reload after a 412 brings the fresh version). */
  row?: R;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<V>();
  const { initialValues, busy, notice, submit } = useResourceSave({ panel, mode, row, form, onClose });

  return (
    <Modal
      open
      title={`${mode === "create" ? t("common.create") : t("admin.edit")} · ${panel.title}`}
      okText={t("common.save")}
      cancelText={t("common.cancel")}
      confirmLoading={busy}
      onOk={() => {
        form.submit();
      }}
      onCancel={onClose}
      destroyOnHidden
    >
      {notice && (
        <Alert
          type={notice.type}
          showIcon
          message={notice.title}
          description={notice.detail}
          style={{ marginBottom: 16 }}
          data-testid="admin-form-notice"
        />
      )}
      {mode === "edit" && !row ? (
        <Alert type="error" message={t("errors.notFound")} />
      ) : (
        <Form<V> form={form} layout="vertical" initialValues={initialValues} onFinish={submit}>
          {panel.fields(mode, row)}
        </Form>
      )}
    </Modal>
  );
}
