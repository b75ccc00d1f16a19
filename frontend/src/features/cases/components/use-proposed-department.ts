import type { FormInstance } from "antd";
import { useEffect } from "react";
import type { CaseAction, CaseDetail } from "@/lib/types";
import { useRoutingProposal } from "../api/routing-proposal";
import type { ActionValues } from "./action-values";

/** A first dispatch pre-selects the department the routing rules propose. */
export function useProposedDepartment(
  action: CaseAction,
  current: CaseDetail,
  form: FormInstance<ActionValues>,
) {
  const proposal = useRoutingProposal({
    project_id: action === "dispatch" && !current.department_id ? current.project_id : undefined,
    category_id: current.category_id ?? undefined,
    kind: current.kind,
    severity: current.severity,
  });
  const proposed = proposal.data?.department_id;
  useEffect(() => {
    if (proposed && !form.getFieldValue("department_id")) form.setFieldValue("department_id", proposed);
  }, [proposed, form]);
}
