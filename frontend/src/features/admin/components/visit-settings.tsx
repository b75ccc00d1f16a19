import { Alert, App, Button, Modal, Radio, Space, Spin, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError, errorMessage } from "@/lib/problem";
import { useSaveVisitSettings } from "../api/save-visit-settings";
import { useVisitSettings, VISITS_BY, type VisitsBy } from "../api/visit-settings";

function SettingsForm({
  projectId,
  etag,
  current,
  onDone,
}: {
  projectId: string;
  etag: string;
  current: VisitsBy;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const save = useSaveVisitSettings(projectId);
  const [choice, setChoice] = useState<VisitsBy>(current);
  const [problem, setProblem] = useState<string | null>(null);
  const submit = () => {
    setProblem(null);
    save.mutate(
      { etag, visitsBy: choice },
      {
        onSuccess: () => {
          void message.success(t("visitSettings.saved"));
          onDone();
        },
        onError: (error) => {
          setProblem(
            error instanceof ApiError && error.status === 412 ? t("errors.stale") : errorMessage(error, t),
          );
        },
      },
    );
  };
  return (
    <Space direction="vertical" style={{ width: "100%" }}>
      {problem && <Alert type="error" showIcon message={problem} data-testid="visit-settings-problem" />}
      <Radio.Group
        value={choice}
        onChange={(e) => {
          setChoice(e.target.value as VisitsBy);
        }}
        data-testid="visits-by"
      >
        <Space direction="vertical">
          {VISITS_BY.map((v) => (
            <Radio key={v} value={v} data-testid={`visits-by-${v}`}>
              {t(`visitSettings.by.${v}`)}
            </Radio>
          ))}
        </Space>
      </Radio.Group>
      <Typography.Text type="secondary">{t("visitSettings.hint")}</Typography.Text>
      <Button type="primary" loading={save.isPending} onClick={submit} data-testid="visit-settings-save">
        {t("common.save")}
      </Button>
    </Space>
  );
}

/**
 * Who makes a project's return visits of repairs in an area: the service desk or the area's
 * steward (`PUT /api/v1/visit-settings/{project_id}`, If-Match). Offered with `org_manage`.
 */
export function VisitSettingsDialog({
  projectId,
  projectName,
  onClose,
}: {
  projectId: string;
  projectName: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const settings = useVisitSettings(projectId);
  return (
    <Modal open title={t("visitSettings.title", { project: projectName })} footer={null} onCancel={onClose}>
      {settings.isError ? (
        <Alert
          type="error"
          showIcon
          message={errorMessage(settings.error, t)}
          data-testid="visit-settings-error"
          action={
            <Button size="small" onClick={() => void settings.refetch()}>
              {t("common.retry")}
            </Button>
          }
        />
      ) : settings.data ? (
        <SettingsForm
          key={settings.data.etag}
          projectId={projectId}
          etag={settings.data.etag}
          current={settings.data.settings.visits_by}
          onDone={onClose}
        />
      ) : (
        <Spin data-testid="visit-settings-loading" />
      )}
    </Modal>
  );
}
