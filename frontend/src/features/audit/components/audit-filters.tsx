import { DatePicker, Flex, Select } from "antd";
import type { Dayjs } from "dayjs";
import { useTranslation } from "react-i18next";
import { useUsers } from "@/lib/reference";

/** The actions worth filtering by: personal-data views and exports. */
const ACTIONS = [
  "customer.phone_viewed",
  "customer.viewed",
  "customer.searched",
  "cases.exported",
  "resident.activation_issued",
];

/** What the audit log is filtered by: the user, the action and a range of days. */
export interface AuditChoice {
  actor?: string;
  action?: string;
  range: [Dayjs, Dayjs] | null;
}

/** The audit log's filters: user, action and days. */
export function AuditFilters({
  choice,
  onChange,
}: {
  choice: AuditChoice;
  onChange: (patch: Partial<AuditChoice>) => void;
}) {
  const { t } = useTranslation();
  const users = useUsers();
  return (
    <Flex gap="small" wrap>
      <Select
        allowClear
        showSearch
        optionFilterProp="label"
        style={{ minWidth: 220 }}
        placeholder={t("audit.user")}
        value={choice.actor}
        onChange={(actor: string | undefined) => {
          onChange({ actor });
        }}
        options={(users.data?.items ?? []).map((u) => ({
          value: u.id,
          label: `${u.display_name} (${u.username})`,
        }))}
        data-testid="audit-user"
      />
      <Select
        allowClear
        style={{ minWidth: 220 }}
        placeholder={t("audit.action")}
        value={choice.action}
        onChange={(action: string | undefined) => {
          onChange({ action });
        }}
        options={ACTIONS.map((a) => ({ value: a, label: a }))}
      />
      <DatePicker.RangePicker
        value={choice.range}
        onChange={(v) => {
          onChange({ range: v && v[0] && v[1] ? [v[0], v[1]] : null });
        }}
      />
    </Flex>
  );
}
