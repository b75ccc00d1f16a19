import { Select } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { renderTemplate } from "../api/render-template";
import type { TemplateUse } from "../api/types";
import { useTemplates } from "../api/templates";

/**
 * Picks a standard reply for a form (`use`) and hands its text, filled from the case, to
 * `onInsert`. Shown to those who may read the templates.
 */
export function TemplatePicker({
  use,
  caseId,
  onInsert,
}: {
  use: TemplateUse;
  caseId: string;
  onInsert: (text: string) => void;
}) {
  const { t } = useTranslation();
  const templates = useTemplates(use);
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  return (
    <Select
      size="small"
      style={{ minWidth: 220 }}
      placeholder={t("replyTemplates.insert")}
      loading={templates.isPending || busy}
      status={failed || templates.isError ? "error" : undefined}
      value={null}
      data-testid="template-picker"
      options={(templates.data?.items ?? []).map((tpl) => ({ value: tpl.id, label: tpl.name }))}
      notFoundContent={t("replyTemplates.empty")}
      onChange={(id: string) => {
        setBusy(true);
        setFailed(false);
        renderTemplate(id, caseId)
          .then((r) => {
            onInsert(r.text);
          })
          .catch(() => {
            setFailed(true);
          })
          .finally(() => {
            setBusy(false);
          });
      }}
    />
  );
}
