import type { FormInstance } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useRecordVisit } from "../api/record-visit";
import type { WorkItem } from "../api/types";
import type { VisitValues } from "./visit-values";

/**
 * Records the visit (with its photo and idempotency key); closing resets the form, the photo
 * and the key, and reports what was done (null when cancelled).
 */
export function useVisitSubmit(
  home: WorkItem | null,
  form: FormInstance<VisitValues>,
  onClose: (done: string | null) => void,
) {
  const { t } = useTranslation();
  const record = useRecordVisit();
  const [photo, setPhoto] = useState<File | null>(null);
  const [key, setKey] = useState(() => crypto.randomUUID());

  const close = (done: string | null) => {
    form.resetFields();
    setPhoto(null);
    setKey(crypto.randomUUID());
    record.reset();
    onClose(done);
  };

  const submit = (values: VisitValues) => {
    if (!home) return;
    record.mutate(
      {
        key,
        photo,
        body: {
          property_id: home.property_id,
          customer_id: values.customer_id ?? null,
          purpose: values.purpose,
          reached: values.reached,
          opinions: values.opinions?.trim() ? values.opinions : null,
        },
        opinionCase: values.raise ? { kind: values.case_kind, title: values.case_title ?? "" } : null,
      },
      {
        onSuccess: ({ caseNumber }) => {
          close(caseNumber ? t("steward.visitCaseCreated", { number: caseNumber }) : t("steward.visitSaved"));
        },
      },
    );
  };

  return { record, setPhoto, close, submit };
}
