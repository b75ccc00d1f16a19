/** The case's deadlines, in the order the work meets them. */
export const DEADLINES = ["verify", "dispatch", "resolve", "reply"] as const;
