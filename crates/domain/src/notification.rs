//! In-app notifications: why one was sent.

crate::wire_enum! {
    /// Why a notification was sent.
    pub enum NotificationKind {
        /// A case reached the recipient's escalation level.
        Escalated => "escalated",
        /// A work order was dispatched or reassigned to the recipient or their department.
        Assigned => "assigned",
        /// A scheduled return visit is due.
        VisitDue => "visit_due",
        /// A complaint warning fired.
        Warning => "warning",
        /// An urgent case, or a major complaint, was registered.
        UrgentCase => "urgent_case",
        /// A new case was registered in an area the recipient is steward of.
        AreaCase => "area_case",
        /// Fee arrears reached the supervisor or the legal stage.
        ArrearsStage => "arrears_stage",
        /// A shift handover has waited unsigned past the reminder time.
        HandoverPending => "handover_pending",
        /// A 24 h or 48 h check found no contact made, or the repair not done (the department).
        CheckFailed => "check_failed",
        /// A case dissatisfied a third time waits for a supervisor to dispatch it again.
        Review => "review",
    }
}
