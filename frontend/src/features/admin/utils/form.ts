import { useTranslation } from "react-i18next";

/** The "required" rule of an admin form item, in the user's language. */
export function useRequired() {
  const { t } = useTranslation();
  return [{ required: true, message: t("common.required") }];
}

/** Select options for rows with an id and a name. */
export const options = (items: { id: string; name: string }[] | undefined) =>
  items?.map((x) => ({ value: x.id, label: x.name }));
