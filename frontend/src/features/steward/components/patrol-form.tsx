import { Alert, Button, Drawer, Input, List, Space, Switch, Typography, Upload } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { errorMessage } from "@/lib/problem";
import { useRecordPatrol } from "../api/record-patrol";
import type { PatrolRoute } from "../api/types";

interface Check {
  ok: boolean;
  note: string;
  photo?: File;
}

/** Walks a route: every checkpoint OK or not (with a note and a photo); failures open incident cases. */
export function PatrolForm({
  route,
  onClose,
}: {
  route: PatrolRoute | null;
  onClose: (done: string | null) => void;
}) {
  const { t } = useTranslation();
  const record = useRecordPatrol();
  const [checks, setChecks] = useState<Record<string, Check>>({});
  const [key, setKey] = useState(() => crypto.randomUUID());
  const [startedAt] = useState(() => new Date().toISOString());

  const check = (id: string): Check => checks[id] ?? { ok: true, note: "" };
  const change = (id: string, patch: Partial<Check>) => {
    setChecks((all) => ({ ...all, [id]: { ...check(id), ...patch } }));
  };
  const close = (done: string | null) => {
    setChecks({});
    setKey(crypto.randomUUID());
    record.reset();
    onClose(done);
  };
  const missingNote = route?.checkpoints.some((c) => !check(c.id).ok && !check(c.id).note.trim()) ?? false;

  const submit = () => {
    if (!route) return;
    const photos: Record<string, File | undefined> = {};
    for (const c of route.checkpoints) photos[c.id] = check(c.id).photo;
    record.mutate(
      {
        key,
        photos,
        body: {
          route_id: route.id,
          started_at: startedAt,
          results: route.checkpoints.map((c) => ({
            checkpoint_id: c.id,
            ok: check(c.id).ok,
            note: check(c.id).note.trim() || null,
          })),
        },
      },
      {
        onSuccess: (patrol) => {
          close(t("steward.patrolSaved", { failed: patrol.failed }));
        },
      },
    );
  };

  return (
    <Drawer
      open={route !== null}
      title={route ? t("steward.patrolTitle", { name: route.name }) : ""}
      width="min(100vw, 480px)"
      onClose={() => {
        close(null);
      }}
      destroyOnHidden
    >
      <List
        dataSource={route?.checkpoints ?? []}
        renderItem={(c) => (
          <List.Item data-testid="patrol-checkpoint">
            <Space direction="vertical" style={{ width: "100%" }}>
              <Space style={{ width: "100%", justifyContent: "space-between" }}>
                <Typography.Text strong>{c.name}</Typography.Text>
                <Switch
                  checked={check(c.id).ok}
                  checkedChildren={t("steward.ok")}
                  unCheckedChildren={t("steward.notOk")}
                  onChange={(ok) => {
                    change(c.id, { ok });
                  }}
                  data-testid="patrol-ok"
                />
              </Space>
              {!check(c.id).ok && (
                <>
                  <Input.TextArea
                    rows={2}
                    placeholder={t("steward.problem")}
                    value={check(c.id).note}
                    onChange={(e) => {
                      change(c.id, { note: e.target.value });
                    }}
                    data-testid="patrol-note"
                  />
                  <Upload
                    accept="image/jpeg,image/png,image/webp"
                    maxCount={1}
                    beforeUpload={(file) => {
                      change(c.id, { photo: file });
                      return false;
                    }}
                    onRemove={() => {
                      change(c.id, { photo: undefined });
                    }}
                  >
                    <Button size="small">{t("steward.photo")}</Button>
                  </Upload>
                </>
              )}
            </Space>
          </List.Item>
        )}
      />
      {missingNote && (
        <Alert type="info" showIcon message={t("steward.describeProblem")} style={{ marginBlock: 12 }} />
      )}
      {record.isError && (
        <Alert type="error" showIcon message={errorMessage(record.error, t)} style={{ marginBlock: 12 }} />
      )}
      <Button
        type="primary"
        block
        onClick={submit}
        disabled={missingNote}
        loading={record.isPending}
        data-testid="patrol-submit"
      >
        {t("steward.submitPatrol")}
      </Button>
    </Drawer>
  );
}
