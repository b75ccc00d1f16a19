import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useRecordPatrol } from "../api/record-patrol";
import type { PatrolRoute } from "../api/types";

/** One checkpoint's result as the form holds it. */
export interface Check {
  ok: boolean;
  note: string;
  photo?: File;
}

/**
 * The checkpoints' results (OK unless changed), whether a failed one lacks its note, and the
 * submit; closing clears the results and the idempotency key.
 */
export function usePatrolSubmit(route: PatrolRoute | null, onClose: (done: string | null) => void) {
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

  return { record, check, change, close, missingNote, submit };
}
