import type { CaseKind, Channel, CustomerDetail, Severity } from "@/lib/types";
import type { CreateCaseBody } from "../api/create-case";

/** The intake form's values. */
export interface IntakeValues {
  kind: CaseKind;
  channel: Channel;
  severity: Severity;
  category_id?: string;
  project_id?: string;
  property_id?: string;
  title: string;
  description: string;
  new_name?: string;
  new_phone?: string;
}

/** The new case for the form's values: the looked-up customer, or a new one from name and phone. */
export function toCreateCase(values: IntakeValues, customer: CustomerDetail | null): CreateCaseBody {
  return {
    kind: values.kind,
    channel: values.channel,
    severity: values.severity,
    category_id: values.category_id ?? null,
    project_id: values.project_id ?? null,
    property_id: values.property_id ?? null,
    title: values.title,
    description: values.description,
    customer_id: customer?.id ?? null,
    customer:
      !customer && values.new_name && values.new_phone
        ? { name: values.new_name, phone: values.new_phone }
        : null,
  };
}
