//! Shift handover (交接班): what one shift of the service desk leaves to the next, and who may
//! sign for it.

use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};

crate::wire_enum! {
    pub enum Shift {
        Day => "day",
        Night => "night",
        Other => "other",
    }
}

crate::wire_enum! {
    /// `pending` until the next shift signs it (`accepted`).
    pub enum HandoverStatus {
        Pending => "pending",
        Accepted => "accepted",
    }
}

/// Why a handover cannot be accepted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum AcceptError {
    #[error("you wrote this handover; the next shift signs it")]
    OwnHandover,
    #[error("this handover is already accepted")]
    AlreadyAccepted,
}

/// Whether `acceptor` may sign a handover written by `author` in `status`.
pub fn may_accept<T: PartialEq>(author: &T, acceptor: &T, status: HandoverStatus) -> Result<(), AcceptError> {
    if status == HandoverStatus::Accepted {
        return Err(AcceptError::AlreadyAccepted);
    }
    if author == acceptor {
        return Err(AcceptError::OwnHandover);
    }
    Ok(())
}

/// Handover settings (`PUT /api/v1/handover-settings`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct HandoverSettings {
    /// Minutes a handover may wait unsigned before the supervisors are reminded (default 30).
    #[cfg_attr(feature = "openapi", schema(example = 30, minimum = 1))]
    pub reminder_minutes: u32,
}

impl Default for HandoverSettings {
    fn default() -> Self {
        HandoverSettings { reminder_minutes: 30 }
    }
}

impl HandoverSettings {
    pub fn is_valid(&self) -> bool {
        (1..=24 * 60).contains(&self.reminder_minutes)
    }

    /// Handovers written at or before this instant are due a reminder at `now`.
    pub fn remind_written_before(&self, now: DateTime<Utc>) -> DateTime<Utc> {
        now - Duration::minutes(i64::from(self.reminder_minutes))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_next_shift_signs_once() {
        assert_eq!(may_accept(&1, &2, HandoverStatus::Pending), Ok(()));
        assert_eq!(
            may_accept(&1, &1, HandoverStatus::Pending),
            Err(AcceptError::OwnHandover)
        );
        assert_eq!(
            may_accept(&1, &2, HandoverStatus::Accepted),
            Err(AcceptError::AlreadyAccepted)
        );
    }

    #[test]
    fn reminders_after_the_configured_minutes() {
        let s = HandoverSettings::default();
        assert!(s.is_valid());
        assert!(!HandoverSettings { reminder_minutes: 0 }.is_valid());
        let now = DateTime::parse_from_rfc3339("2026-12-06T08:30:00Z")
            .unwrap()
            .with_timezone(&Utc);
        assert_eq!(s.remind_written_before(now).to_rfc3339(), "2026-12-06T08:00:00+00:00");
    }
}
