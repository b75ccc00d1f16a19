//! Deadlines (时限) and what happens when they pass.
//!
//! - [`policy`]: how long each step may take, per case kind × severity, and on which clock.
//! - [`deadlines`]: a case's due times, which are met, which are breached, pausing.
//! - [`escalation`]: the ladder project → area → company.

pub mod deadlines;
pub mod escalation;
pub mod policy;

use chrono::{DateTime, Duration, Utc};

use crate::case::{CaseKind, Severity};

/// How long the responsible department has to resolve a dispatched case when no policy says.
pub fn default_resolution_window(kind: CaseKind, severity: Severity) -> Duration {
    match (severity, kind) {
        (Severity::Urgent, _) => Duration::hours(4),
        (Severity::Major, _) => Duration::hours(24),
        // Repairs: the sources check 48 h after the report that the repair is done.
        (Severity::Normal, CaseKind::Repair) => Duration::hours(48),
        (Severity::Normal, _) => Duration::hours(72),
    }
}

/// A deadline is breached when it has passed while the case still waits on us.
pub fn is_overdue(due_at: Option<DateTime<Utc>>, open: bool, now: DateTime<Utc>) -> bool {
    open && due_at.is_some_and(|due| due < now)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_shrink_with_severity() {
        for kind in CaseKind::ALL {
            let urgent = default_resolution_window(*kind, Severity::Urgent);
            let major = default_resolution_window(*kind, Severity::Major);
            let normal = default_resolution_window(*kind, Severity::Normal);
            assert!(urgent < major && major < normal, "{kind}");
        }
        assert_eq!(
            default_resolution_window(CaseKind::Repair, Severity::Normal),
            Duration::hours(48)
        );
    }

    #[test]
    fn overdue_only_while_open_and_past_due() {
        let now = Utc::now();
        assert!(is_overdue(Some(now - Duration::minutes(1)), true, now));
        assert!(!is_overdue(Some(now + Duration::minutes(1)), true, now));
        assert!(!is_overdue(Some(now - Duration::minutes(1)), false, now));
        assert!(!is_overdue(None, true, now));
    }
}
