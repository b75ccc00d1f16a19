import { Result, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import type { CaseDetail } from "@/lib/types";

/** The number of the case just registered, large, to read back to the caller. */
export function IntakeCreated({ created }: { created: CaseDetail }) {
  const { t } = useTranslation();
  return (
    <Result
      status="success"
      title={
        <span>
          {t("intake.created")}{" "}
          <Typography.Text strong copyable style={{ fontSize: 28 }} data-testid="created-number">
            {created.number}
          </Typography.Text>
        </span>
      }
      subTitle={t("intake.readBack")}
      extra={
        <Link to={`/cases/${created.id}`} data-testid="created-link">
          {t("intake.openCase")}
        </Link>
      }
    />
  );
}
