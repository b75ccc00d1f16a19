import { Alert, Form, Modal } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { errorMessage } from "@/lib/problem";
import type { Works } from "../api/types";
import { useWorksAction } from "../api/works-action";
import { IssuesEditor } from "./issues-editor";
import { isReady, type StageVisitDraft, toVisit } from "./stage-visit-draft";
import { StageVisitFields } from "./stage-visit-fields";
import { visitableStages } from "./visit-rules";

/**
 * Records a stage visit: four-level satisfaction, inspector present, briefing clear (material
 * arrival), designer satisfaction (completion); each issue opens a case linked to the works, and
 * a dissatisfied visit escalates.
 */
export function StageVisitForm({ works, onClose }: { works: Works; onClose: () => void }) {
  const { t } = useTranslation();
  const action = useWorksAction();
  const stages = visitableStages(works);
  const [draft, setDraft] = useState<StageVisitDraft>(() => ({
    stage: stages[0],
    satisfaction: undefined,
    inspector: true,
    briefing: true,
    designer: undefined,
    note: "",
    issues: [],
  }));
  const change = (patch: Partial<StageVisitDraft>) => {
    setDraft((d) => ({ ...d, ...patch }));
  };

  const submit = () => {
    const visit = toVisit(draft);
    if (!visit) return;
    action.mutate({ works, action: { kind: "visit", visit } }, { onSuccess: onClose });
  };

  return (
    <Modal
      open
      width={640}
      title={t("works.visit.title")}
      okText={t("works.visit.submit")}
      okButtonProps={{ disabled: !isReady(draft), loading: action.isPending }}
      onOk={submit}
      onCancel={onClose}
    >
      <Form layout="vertical">
        <StageVisitFields stages={stages} draft={draft} onChange={change} />
        <IssuesEditor
          issues={draft.issues}
          onChange={(issues) => {
            change({ issues });
          }}
        />
      </Form>
      {action.error && <Alert type="error" showIcon message={errorMessage(action.error, t)} />}
    </Modal>
  );
}
