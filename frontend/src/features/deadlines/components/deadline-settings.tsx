import { Tabs } from "antd";
import { useTranslation } from "react-i18next";
import { BusinessCalendar } from "./business-calendar";
import { EscalationContacts } from "./escalation-contacts";
import { ProcessSettingsPanel } from "./process-settings";
import { SlaPolicies } from "./sla-policies";
import { WarningRules } from "./warning-rules";
import { Webhooks } from "./webhooks";

/** Deadline settings for administrators and managers; webhooks only for administrators. */
export function DeadlineSettings({ webhooks }: { webhooks: boolean }) {
  const { t } = useTranslation();
  const tabs = [
    { key: "policies", label: t("deadlines.policies"), children: <SlaPolicies /> },
    { key: "calendar", label: t("deadlines.calendar"), children: <BusinessCalendar /> },
    { key: "contacts", label: t("deadlines.contacts"), children: <EscalationContacts /> },
    { key: "rules", label: t("deadlines.warningRules"), children: <WarningRules /> },
    { key: "process", label: t("process.title"), children: <ProcessSettingsPanel /> },
    ...(webhooks ? [{ key: "webhooks", label: t("webhooks.title"), children: <Webhooks /> }] : []),
  ];
  return <Tabs items={tabs} destroyOnHidden />;
}
