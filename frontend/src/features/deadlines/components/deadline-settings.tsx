import { Tabs } from "antd";
import { useTranslation } from "react-i18next";
import { BusinessCalendar } from "./business-calendar";
import { EscalationContacts } from "./escalation-contacts";
import { ProcessSettingsPanel } from "./process-settings";
import { RoutingRules } from "./routing-rules";
import { SlaPolicies } from "./sla-policies";
import { WarningRules } from "./warning-rules";
import { Webhooks } from "./webhooks";

/**
 * Deadline settings for administrators and managers. The company-wide configuration (SLA
 * policies, business calendar, warning rules) is changed by those with `config_manage`
 * (`company`); the others read it. Webhooks only with `webhook_manage`.
 */
export function DeadlineSettings({ webhooks, company }: { webhooks: boolean; company: boolean }) {
  const { t } = useTranslation();
  const tabs = [
    { key: "policies", label: t("deadlines.policies"), children: <SlaPolicies editable={company} /> },
    { key: "calendar", label: t("deadlines.calendar"), children: <BusinessCalendar editable={company} /> },
    { key: "contacts", label: t("deadlines.contacts"), children: <EscalationContacts /> },
    { key: "rules", label: t("deadlines.warningRules"), children: <WarningRules editable={company} /> },
    { key: "process", label: t("process.title"), children: <ProcessSettingsPanel /> },
    { key: "routing", label: t("routing.title"), children: <RoutingRules editable={company} /> },
    ...(webhooks ? [{ key: "webhooks", label: t("webhooks.title"), children: <Webhooks /> }] : []),
  ];
  return <Tabs items={tabs} destroyOnHidden />;
}
