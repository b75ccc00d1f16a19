import { Alert, Form } from "antd";
import { useTranslation } from "react-i18next";
import { useDepartments } from "@/lib/reference";
import type { CaseKind, Severity } from "@/lib/types";
import { useRoutingProposal } from "../api/routing-proposal";

/**
 * The routing rules' proposal for what is typed so far (project, category, kind, severity): the
 * department a dispatch will pre-select, or that the case is dispatched at registration.
 */
export function IntakeRoutingProposal() {
  const { t } = useTranslation();
  const form = Form.useFormInstance();
  const project = Form.useWatch<string | undefined>("project_id", form);
  const category = Form.useWatch<string | undefined>("category_id", form);
  const kind = Form.useWatch<CaseKind | undefined>("kind", form);
  const severity = Form.useWatch<Severity | undefined>("severity", form);
  const departments = useDepartments();
  const proposal = useRoutingProposal({ project_id: project, category_id: category, kind, severity });
  const department = proposal.data?.department_id;
  if (!department) return null;
  const name = departments.data?.items.find((d) => d.id === department)?.name ?? "—";
  return (
    <Alert
      type="info"
      showIcon
      style={{ marginBottom: 16 }}
      data-testid="routing-proposal"
      message={
        proposal.data?.dispatches_at_registration
          ? t("intake.autoDispatch", { department: name })
          : t("intake.proposedDepartment", { department: name })
      }
    />
  );
}
