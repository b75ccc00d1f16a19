import { Alert, Button, Modal, Typography } from "antd";
import dayjs from "dayjs";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { errorMessage } from "@/lib/problem";
import { type IssuedActivationCode as Issued, issueActivationCode } from "../api/issue-activation-code";

/**
 * Issues the customer's resident-app activation code. The code is shown once (the server keeps
 * only its hash) in a dialog that can be printed for the resident; issuing again replaces it.
 */
export function ActivationCode({ customerId, name }: { customerId: string; name: string }) {
  const { t } = useTranslation();
  const [issued, setIssued] = useState<Issued | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const issue = () => {
    setBusy(true);
    setError(null);
    issueActivationCode(customerId)
      .then(setIssued)
      .catch(setError)
      .finally(() => {
        setBusy(false);
      });
  };
  return (
    <>
      <Button onClick={issue} loading={busy} data-testid="issue-activation">
        {t("customers.issueActivation")}
      </Button>
      {error !== null && (
        <Alert type="warning" showIcon message={errorMessage(error, t)} style={{ marginTop: 8 }} />
      )}
      <Modal
        open={issued !== null}
        title={t("customers.activationTitle", { name })}
        onCancel={() => {
          setIssued(null);
        }}
        footer={[
          <Button
            key="print"
            onClick={() => {
              window.print();
            }}
          >
            {t("customers.print")}
          </Button>,
          <Button
            key="done"
            type="primary"
            onClick={() => {
              setIssued(null);
            }}
          >
            {t("customers.activationDone")}
          </Button>,
        ]}
      >
        {issued && (
          <>
            <Typography.Paragraph>
              {t("customers.activationPhone", { phone: issued.phone })}
            </Typography.Paragraph>
            <Typography.Title level={2} copyable data-testid="activation-code" style={{ letterSpacing: 4 }}>
              {issued.activation_code}
            </Typography.Title>
            <Typography.Paragraph type="secondary">
              {t("customers.activationExpires", { at: dayjs(issued.expires_at).format("YYYY-MM-DD HH:mm") })}
            </Typography.Paragraph>
            <Alert type="info" showIcon message={t("customers.activationOnce")} />
          </>
        )}
      </Modal>
    </>
  );
}
