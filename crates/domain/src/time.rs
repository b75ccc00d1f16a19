//! Business time. Case numbers and "today" follow Beijing time (UTC+8, no daylight saving),
//! whatever the server's own time zone is.

use chrono::{DateTime, FixedOffset, NaiveDate, Offset, Utc};

const BEIJING_SECONDS_EAST: i32 = 8 * 3600;

pub fn business_offset() -> FixedOffset {
    FixedOffset::east_opt(BEIJING_SECONDS_EAST).unwrap_or_else(|| Utc.fix())
}

/// The business day an instant falls on.
pub fn business_day(at: DateTime<Utc>) -> NaiveDate {
    at.with_timezone(&business_offset()).date_naive()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_turn_at_midnight_beijing_time() {
        let before = DateTime::parse_from_rfc3339("2026-11-30T15:59:59Z")
            .unwrap()
            .with_timezone(&Utc);
        let after = DateTime::parse_from_rfc3339("2026-11-30T16:00:00Z")
            .unwrap()
            .with_timezone(&Utc);
        assert_eq!(business_day(before), NaiveDate::from_ymd_opt(2026, 11, 30).unwrap());
        assert_eq!(business_day(after), NaiveDate::from_ymd_opt(2026, 12, 1).unwrap());
    }
}
