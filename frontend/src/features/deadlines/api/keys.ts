/** Query keys of the deadlines and process settings (warnings are shared: `@/lib/query-keys`). */
export const deadlineKeys = {
  escalationContacts: ["escalation-contacts"] as const,
  processSettings: (projectId: string) => ["process-settings", projectId] as const,
  routingRules: ["routing-rules"] as const,
  slaCalendar: ["sla-calendar"] as const,
  slaPolicies: ["sla-policies"] as const,
  warningRules: ["warning-rules"] as const,
  webhooks: ["webhooks"] as const,
  deliveries: (webhookId: string) => ["webhooks", webhookId, "deliveries"] as const,
};
