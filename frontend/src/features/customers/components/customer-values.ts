import dayjs, { type Dayjs } from "dayjs";
import type { components } from "@/api/schema";
import type { UpdateCustomerBody } from "../api/update-customer";

type Customer = components["schemas"]["CustomerDetail"];
type Relation = components["schemas"]["Relation"];

export interface CustomerValues {
  name: string;
  phones: string[];
  properties: { property_id: string; relation: Relation }[];
  tags: string[];
  notes: string;
  move_in_on: Dayjs | null;
  household_size: number | null;
  emergency_contact: { name?: string; phone?: string };
}

export function initialValues(c: Customer): CustomerValues {
  return {
    name: c.name,
    phones: c.phones,
    properties: c.properties.map((p) => ({ property_id: p.property_id, relation: p.relation })),
    tags: c.tags,
    notes: c.notes,
    move_in_on: c.move_in_on ? dayjs(c.move_in_on) : null,
    household_size: c.household_size ?? null,
    emergency_contact: { name: c.emergency_contact?.name, phone: c.emergency_contact?.phone },
  };
}

/**
 * The request for the form's values. Masked phone numbers are never sent back: when the
 * caller only sees masked numbers the phones and the emergency contact are left as they are.
 */
export function toUpdate(values: CustomerValues, masked: boolean): UpdateCustomerBody {
  const contactName = values.emergency_contact.name?.trim() ?? "";
  const contactPhone = values.emergency_contact.phone?.trim() ?? "";
  const body: UpdateCustomerBody = {
    name: values.name,
    properties: values.properties.filter((p) => p.property_id),
    tags: values.tags,
    notes: values.notes,
    move_in_on: values.move_in_on ? values.move_in_on.format("YYYY-MM-DD") : null,
    household_size: values.household_size ?? null,
  };
  if (!masked) {
    body.phones = values.phones.filter((p) => p.trim() !== "");
    body.emergency_contact =
      contactName === "" && contactPhone === "" ? null : { name: contactName, phone: contactPhone };
  }
  return body;
}
