import type { components } from "@/api/schema";
import type { CaseKind, Severity } from "@/lib/types";
import type { RoutingRuleInput } from "../api/create-routing-rule";

type Rule = components["schemas"]["RoutingRuleView"];

/** The routing rule form's values. */
export interface RuleValues {
  project_id?: string | null;
  category_id?: string;
  kind?: CaseKind | null;
  severity?: Severity | null;
  department_id?: string;
  auto_dispatch: boolean;
}

/** The form's starting values: the rule's, or a company-wide rule for any kind and severity. */
export function initialRuleValues(rule: Rule | null): RuleValues {
  return rule
    ? {
        project_id: rule.project_id ?? null,
        category_id: rule.category_id,
        kind: rule.kind ?? null,
        severity: rule.severity ?? null,
        department_id: rule.department_id,
        auto_dispatch: rule.auto_dispatch,
      }
    : { project_id: null, kind: null, severity: null, auto_dispatch: false };
}

/** The request body for the form's values. */
export function toRuleInput(values: RuleValues): RoutingRuleInput {
  return {
    project_id: values.project_id ?? null,
    category_id: values.category_id ?? "",
    kind: values.kind ?? null,
    severity: values.severity ?? null,
    department_id: values.department_id ?? "",
    auto_dispatch: values.auto_dispatch,
  };
}
