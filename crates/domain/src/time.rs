//! Business time. Case numbers and "today" follow Beijing time (UTC+8, no daylight saving),
//! whatever the server's own time zone is.

use chrono::{DateTime, FixedOffset, NaiveDate, Offset, TimeZone, Utc};

const BEIJING_SECONDS_EAST: i32 = 8 * 3600;

pub fn business_offset() -> FixedOffset {
    FixedOffset::east_opt(BEIJING_SECONDS_EAST).unwrap_or_else(|| Utc.fix())
}

/// The business day an instant falls on.
pub fn business_day(at: DateTime<Utc>) -> NaiveDate {
    at.with_timezone(&business_offset()).date_naive()
}

/// The instant a business day starts (Beijing midnight). A fixed offset has no gaps, so the only
/// fallback is for dates at the very edge of chrono's range, where UTC midnight is used.
pub fn business_day_start(day: NaiveDate) -> DateTime<Utc> {
    let midnight = day.and_hms_opt(0, 0, 0).unwrap_or_default();
    business_offset()
        .from_local_datetime(&midnight)
        .single()
        .map(|local| local.with_timezone(&Utc))
        .unwrap_or_else(|| Utc.from_utc_datetime(&midnight))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utc(text: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(text).unwrap().with_timezone(&Utc)
    }

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn days_turn_at_midnight_beijing_time() {
        let cases = [
            ("2026-11-30T15:59:59Z", date(2026, 11, 30)),
            ("2026-11-30T16:00:00Z", date(2026, 12, 1)),
            ("2026-12-31T15:59:59.999999Z", date(2026, 12, 31)),
            ("2026-12-31T16:00:00Z", date(2027, 1, 1)),
            ("2028-02-28T16:00:00Z", date(2028, 2, 29)),
            ("2026-06-01T00:00:00Z", date(2026, 6, 1)),
        ];
        for (at, day) in cases {
            assert_eq!(business_day(utc(at)), day, "{at}");
        }
    }

    #[test]
    fn a_business_day_starts_at_16_utc_the_day_before() {
        let cases = [
            (date(2026, 12, 1), "2026-11-30T16:00:00Z"),
            (date(2027, 1, 1), "2026-12-31T16:00:00Z"),
            (date(2028, 2, 29), "2028-02-28T16:00:00Z"),
            (date(2026, 3, 1), "2026-02-28T16:00:00Z"),
        ];
        for (day, start) in cases {
            assert_eq!(business_day_start(day), utc(start), "{day}");
            assert_eq!(business_day(business_day_start(day)), day, "{day} round trip");
            assert_eq!(
                business_day(business_day_start(day) - chrono::Duration::microseconds(1)),
                day.pred_opt().unwrap(),
                "{day}: the instant before belongs to the day before"
            );
        }
    }
}
