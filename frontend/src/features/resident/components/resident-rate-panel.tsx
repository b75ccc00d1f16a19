import { Alert, Button, Card, Input, Space } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { errorMessage } from "@/lib/problem";
import { type Satisfaction, useRateCase } from "../api/rate-case";

const SATISFACTIONS: Satisfaction[] = ["very_satisfied", "satisfied", "dissatisfied", "very_dissatisfied"];

/** The resident's rating of a resolved case, with an optional comment. */
export function ResidentRatePanel({ id, onRated }: { id: string; onRated: () => void }) {
  const { t } = useTranslation();
  const rate = useRateCase(id);
  const [comment, setComment] = useState("");
  return (
    <Card size="small" title={t("residentApp.rate")}>
      <Input.TextArea
        value={comment}
        onChange={(e) => {
          setComment(e.target.value);
        }}
        placeholder={t("residentApp.comment")}
        style={{ marginBottom: 8 }}
      />
      <Space wrap style={{ display: rate.isSuccess ? "none" : undefined }}>
        {SATISFACTIONS.map((s) => (
          <Button
            key={s}
            data-testid={`rate-${s}`}
            loading={rate.isPending && rate.variables.satisfaction === s}
            onClick={() => {
              onRated();
              rate.mutate({ satisfaction: s, comment: comment.trim() === "" ? null : comment });
            }}
          >
            {t(`case.satisfaction.${s}`)}
          </Button>
        ))}
      </Space>
      {rate.isError && <Alert type="error" message={errorMessage(rate.error, t)} style={{ marginTop: 8 }} />}
      {rate.isSuccess && (
        <Alert
          type="success"
          data-testid="rate-result"
          message={t("residentApp.rated", { status: t(`case.status.${rate.data.status}`) })}
          style={{ marginTop: 8 }}
        />
      )}
    </Card>
  );
}
