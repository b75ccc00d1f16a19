import { App, Button, Card, Form, Radio, Select, Spin, Switch, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useCan } from "@/lib/permissions";
import { ApiError, errorMessage } from "@/lib/problem";
import { useProjects } from "@/lib/reference";
import { type ProcessSettings as Settings, useProcessSettings } from "../api/process-settings";
import { useUpdateProcessSettings } from "../api/update-process-settings";

function SettingsForm({
  projectId,
  settings,
  etag,
}: {
  projectId: string;
  settings: Settings;
  etag: string;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const can = useCan();
  const save = useUpdateProcessSettings(projectId);
  const editable = can("config_manage");
  return (
    <Form<Settings>
      layout="vertical"
      initialValues={settings}
      disabled={!editable}
      style={{ maxWidth: 640 }}
      onFinish={(values) => {
        save.mutate(
          {
            etag,
            body: {
              verify_before_dispatch: values.verify_before_dispatch,
              dispatch_by: values.dispatch_by,
              verify_deadline: values.verify_deadline,
            },
          },
          {
            onSuccess: () => void message.success(t("deadlines.saved")),
            onError: (error) => {
              void message.error(
                error instanceof ApiError && error.status === 412
                  ? t("errors.stale")
                  : errorMessage(error, t),
              );
            },
          },
        );
      }}
    >
      <Form.Item
        name="verify_before_dispatch"
        label={t("process.verifyBeforeDispatch")}
        extra={t("process.verifyBeforeDispatchHelp")}
        valuePropName="checked"
      >
        <Switch data-testid="process-verify" />
      </Form.Item>
      <Form.Item name="dispatch_by" label={t("process.dispatchBy")} extra={t("process.dispatchByHelp")}>
        <Radio.Group
          options={(["supervisor", "agent"] as const).map((v) => ({ value: v, label: t(`process.by.${v}`) }))}
        />
      </Form.Item>
      <Form.Item
        name="verify_deadline"
        label={t("process.verifyDeadline")}
        extra={t("process.verifyDeadlineHelp")}
      >
        <Radio.Group
          options={(["same_day", "hours"] as const).map((v) => ({
            value: v,
            label: t(`process.deadline.${v}`),
          }))}
        />
      </Form.Item>
      {editable && (
        <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="process-save">
          {t("common.save")}
        </Button>
      )}
    </Form>
  );
}

/** A project's process settings (issue #19): read by everyone who sees the project, saved by administrators. */
export function ProcessSettingsPanel() {
  const { t } = useTranslation();
  const projects = useProjects();
  const [projectId, setProjectId] = useState<string>();
  const chosen = projectId ?? projects.data?.items[0]?.id ?? "";
  const current = useProcessSettings(chosen);
  return (
    <Card>
      <Typography.Paragraph type="secondary">{t("process.intro")}</Typography.Paragraph>
      <Select
        style={{ width: 240, marginBottom: 16 }}
        value={chosen || undefined}
        onChange={setProjectId}
        data-testid="process-project"
        options={projects.data?.items.map((p) => ({ value: p.id, label: p.name }))}
      />
      {current.isPending && chosen ? (
        <Spin />
      ) : current.data ? (
        <SettingsForm key={`${chosen}-${current.data.etag}`} projectId={chosen} {...current.data} />
      ) : null}
    </Card>
  );
}
