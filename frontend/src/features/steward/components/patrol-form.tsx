import { Alert, Button, Drawer, List } from "antd";
import { useTranslation } from "react-i18next";
import { errorMessage } from "@/lib/problem";
import type { PatrolRoute } from "../api/types";
import { CheckpointItem } from "./checkpoint-item";
import { usePatrolSubmit } from "./use-patrol-submit";

/** Walks a route: every checkpoint OK or not (with a note and a photo); failures open incident cases. */
export function PatrolForm({
  route,
  onClose,
}: {
  route: PatrolRoute | null;
  onClose: (done: string | null) => void;
}) {
  const { t } = useTranslation();
  const { record, check, change, close, missingNote, submit } = usePatrolSubmit(route, onClose);

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
          <CheckpointItem
            name={c.name}
            check={check(c.id)}
            onChange={(patch) => {
              change(c.id, patch);
            }}
          />
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
